package dev.rapport.schedule;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A schedule and when it runs next, asked for in a caller's pipeline ({@link Schedules#lookup}) so a
 * request that reads other facts too pays one round trip for all of them. Read after the pipeline's sync.
 */
public final class ScheduleLookup {

  private final Supplier<Optional<Schedule>> schedule;
  private final Supplier<Optional<Instant>> nextDue;

  ScheduleLookup(Supplier<Optional<Schedule>> schedule, Supplier<Optional<Instant>> nextDue) {
    this.schedule = schedule;
    this.nextDue = nextDue;
  }

  /** As {@link Schedules#get}. */
  public Optional<Schedule> schedule() {
    return schedule.get();
  }

  /** As {@link Schedules#nextDue}. */
  public Optional<Instant> nextDue() {
    return nextDue.get();
  }
}
