package dev.rapport.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * A schedule's id: one feature ({@code kind}) for one {@code target} in one workspace. Encoded
 * {@code team|kind|target} in the shared due index, {@code kind|target} within its workspace, and with a
 * due time ({@code team|kind|target@epochMillis}) as an occurrence's id. Team and kind hold no {@code |};
 * the target may.
 */
public record ScheduleId(String team, String kind, String target) {

  public ScheduleId {
    if (team.contains("|") || kind.contains("|")) {
      throw new IllegalArgumentException("team and kind can't contain |");
    }
  }

  /** {@code team|kind|target}: the member of the shared due index. */
  public String encode() {
    return team + "|" + kind + "|" + target;
  }

  /** Read back from {@link #encode()}; empty for anything else. */
  public static Optional<ScheduleId> parse(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\|", 3);
    return parts.length == 3 ? Optional.of(new ScheduleId(parts[0], parts[1], parts[2])) : Optional.empty();
  }

  /** {@code kind|target}: the field of the workspace's schedule definitions. */
  String field() {
    return kind + "|" + target;
  }

  /** The id of the occurrence due at {@code due}: {@code team|kind|target@epochMillis}. */
  String occurrence(Instant due) {
    return encode() + "@" + due.toEpochMilli();
  }

  /** The pattern matching every encoded id of {@code team}'s schedules in the due index. */
  static String allOf(String team) {
    return team + "|*";
  }
}
