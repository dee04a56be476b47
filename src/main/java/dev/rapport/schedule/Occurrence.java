package dev.rapport.schedule;

import java.time.Instant;

/**
 * One run of a schedule. The id is stable ({@link ScheduleId#occurrence}): a job that is run again
 * for the same occurrence (after a crash) can recognise it and do nothing twice.
 */
public record Occurrence(String id, Schedule schedule, Instant dueAt) {

  static Occurrence of(Schedule schedule, Instant dueAt) {
    return new Occurrence(schedule.id().occurrence(dueAt), schedule, dueAt);
  }

  /** The workspace the schedule belongs to. */
  public String team() {
    return schedule.team();
  }

  /** What the schedule is for (a channel, for every feature's schedules today). */
  public String target() {
    return schedule.target();
  }
}
