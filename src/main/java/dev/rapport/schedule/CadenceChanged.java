package dev.rapport.schedule;

import java.time.Instant;

/**
 * A recurring schedule started, changed its cadence or stopped (published by {@link Schedules}; one-off
 * occurrences never publish it). Insights keep these as milestones next to a team's pulse.
 *
 * @param before the cadence until now, null when the schedule started
 * @param after the cadence from now on, null when it stopped
 */
public record CadenceChanged(String team, String kind, String target, Cadence before, Cadence after, Instant at) {

  public boolean started() {
    return before == null && after != null;
  }

  public boolean stopped() {
    return after == null;
  }
}
