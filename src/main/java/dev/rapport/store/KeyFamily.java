package dev.rapport.store;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One family of Redis keys a module writes, written as its store's Javadoc writes it
 * ({@code rapport:{team}:pairing:{channel}:left}), and whom its keys can name. {@code {team}} in the hash tag is
 * a workspace id; any other {@code {name}} is one key part (no colon), {@code {name...}} one or more (an id that
 * may hold colons); other text is literal, so {@code rapport:{outbox}:items} is the shared queue itself.
 */
public record KeyFamily(String pattern, Set<Names> names) {

  /** Whom a family's keys, members, fields or values can name, and so who must erase them. */
  public enum Names {
    /**
     * A person (a user id in the key, a member, a field or a value): the module handles "member forgotten"
     * and takes the person out.
     */
    PERSON,
    /**
     * A workspace, in a shared family (outside {@code rapport:{team}}): the module handles "workspace
     * uninstalled" and drops that workspace's part. A workspace's own families go with its keys.
     */
    WORKSPACE
  }

  public KeyFamily {
    names = Set.copyOf(names);
    if (!pattern.startsWith("rapport:{")) {
      throw new IllegalArgumentException("a key starts with rapport:{tag}: " + pattern);
    }
    if (names.contains(Names.WORKSPACE) && workspaceTagged(pattern)) {
      throw new IllegalArgumentException("a workspace's own keys go with it; WORKSPACE is for shared ones: "
          + pattern);
    }
  }

  /**
   * Families written as a table, one a line: the pattern, then whom its keys can name ({@code PERSON},
   * {@code WORKSPACE}), or nothing for nobody.
   */
  public static List<KeyFamily> table(String table) {
    return table.lines().map(String::trim).filter(line -> !line.isEmpty()).map(line -> {
      String[] words = line.split("\\s+");
      Set<Names> names = EnumSet.noneOf(Names.class);
      for (int i = 1; i < words.length; i++) {
        names.add(Names.valueOf(words[i]));
      }
      return new KeyFamily(words[0], names);
    }).toList();
  }

  /** Whether the family lives under a workspace's own hash tag ({@code rapport:{team}:...}). */
  public boolean perWorkspace() {
    return workspaceTagged(pattern);
  }

  public boolean namesPeople() {
    return names.contains(Names.PERSON);
  }

  public boolean namesWorkspaces() {
    return names.contains(Names.WORKSPACE);
  }

  /** Whether {@code key} belongs to this family. */
  public boolean matches(String key) {
    return regex().matcher(key).matches();
  }

  private Pattern regex() {
    // The hash tag: any workspace for {team}, else the shared area itself.
    String tag = pattern.substring(0, pattern.indexOf('}') + 1);
    StringBuilder regex = new StringBuilder(perWorkspace()
        ? Pattern.quote("rapport:{") + "[^{}:]+" + Pattern.quote("}") : Pattern.quote(tag));
    String rest = pattern.substring(tag.length());
    int at = 0;
    java.util.regex.Matcher part = PLACEHOLDER.matcher(rest);
    while (part.find()) {
      regex.append(Pattern.quote(rest.substring(at, part.start())))
          .append(part.group().endsWith("...}") ? ".+" : "[^:]+");
      at = part.end();
    }
    regex.append(Pattern.quote(rest.substring(at)));
    return Pattern.compile(regex.toString());
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]+}");

  private static boolean workspaceTagged(String pattern) {
    return pattern.startsWith("rapport:{team}");
  }
}
