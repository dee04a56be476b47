package dev.rapport.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What features use to start, change, stop and look at their schedules. */
@Component
public class Schedules {

  private final ScheduleStore store;
  private final Clock clock;

  Schedules(ScheduleStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Creates or replaces the schedule of {@code kind} for {@code target}; returns its first occurrence.
   * A replaced schedule's occurrence that is running now finishes, then the new cadence applies.
   */
  public Instant put(String team, String kind, String target, Cadence cadence, Map<String, String> data) {
    Schedule schedule = new Schedule(team, kind, target, cadence, null, data);
    Instant first = cadence.next(clock.instant());
    store.save(schedule, first);
    return first;
  }

  /** Runs {@code kind} once for {@code target} at {@code at} (a reminder, a follow-up). */
  public void once(String team, String kind, String target, Instant at, Map<String, String> data) {
    store.save(new Schedule(team, kind, target, null, at, data), at);
  }

  /**
   * Moves the next occurrence of a recurring schedule to {@code due} (say, to skip one); the cadence applies
   * again after it. False when there is no such schedule.
   */
  public boolean moveNext(String team, String kind, String target, Instant due) {
    Optional<Schedule> schedule = store.find(new ScheduleId(team, kind, target));
    schedule.ifPresent(s -> store.save(s, due));
    return schedule.isPresent();
  }

  public void remove(String team, String kind, String target) {
    store.delete(new ScheduleId(team, kind, target));
  }

  public Optional<Schedule> get(String team, String kind, String target) {
    return store.find(new ScheduleId(team, kind, target));
  }

  public Optional<Instant> nextDue(String team, String kind, String target) {
    return store.due(new ScheduleId(team, kind, target));
  }

  public List<Schedule> all(String team, String kind) {
    return store.all(team).stream().filter(s -> s.kind().equals(kind)).toList();
  }
}
