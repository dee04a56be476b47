package dev.rapport.store;

import java.util.StringJoiner;

/**
 * Builds Redis keys. Every key starts with {@code rapport:} and carries a hash tag: the workspace for
 * workspace data ({@code rapport:{T0123}:pairing:...}), so a workspace's keys share one cluster slot and
 * multi-key scripts work on Redis Cluster; or the name of a shared queue ({@code rapport:{outbox}:...})
 * for machinery that serves every workspace.
 */
public final class Keys {

  private Keys() {}

  /** A key of one workspace: {@code rapport:{team}:part:part...}. */
  public static String team(String team, String... parts) {
    return join("{" + requireId(team) + "}", parts);
  }

  /** The pattern that matches every key of one workspace (for SCAN; valid on a cluster). */
  public static String teamPattern(String team) {
    return "rapport:{" + requireId(team) + "}:*";
  }

  /** A key of shared machinery, in its own slot: {@code rapport:{area}:part...}. */
  public static String shared(String area, String... parts) {
    return join("{" + area + "}", parts);
  }

  private static String join(String tag, String... parts) {
    StringJoiner key = new StringJoiner(":").add("rapport").add(tag);
    for (String part : parts) {
      key.add(part);
    }
    return key.toString();
  }

  private static String requireId(String team) {
    if (team == null || team.isBlank() || team.contains("{") || team.contains("}")) {
      throw new IllegalArgumentException("not a workspace id: " + team);
    }
    return team;
  }
}
