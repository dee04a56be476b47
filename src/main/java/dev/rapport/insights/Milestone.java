package dev.rapport.insights;

import java.time.Instant;

/**
 * One milestone of a channel's programs: {@code change} is "started", "changed" (cadence) or "stopped";
 * {@code cadence} how the new cadence reads.
 */
public record Milestone(Instant at, String feature, String change, String cadence) {

  /** Descriptive only: what happened, never what it did. */
  public String inWords() {
    return switch (change) {
      case "started" -> feature + " started (" + cadence + ")";
      case "stopped" -> feature + " stopped";
      default -> feature + " cadence changed to " + cadence;
    };
  }
}
