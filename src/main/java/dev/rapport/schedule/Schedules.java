package dev.rapport.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipelineBase;

/** What features use to start, change, stop and look at their schedules. */
@Component
public class Schedules {

  private final ScheduleStore store;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Schedules(ScheduleStore store, Clock clock, ApplicationEventPublisher events) {
    this.store = store;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Creates or replaces the schedule of {@code kind} for {@code target}; returns its first occurrence.
   * A replaced schedule's occurrence that is running now finishes, then the new cadence applies.
   */
  public Instant put(String team, String kind, String target, Cadence cadence, Map<String, String> data) {
    Schedule schedule = new Schedule(team, kind, target, cadence, null, data);
    Cadence before = store.find(new ScheduleId(team, kind, target)).map(Schedule::cadence).orElse(null);
    Instant now = clock.instant();
    Instant first = cadence.next(now);
    store.save(schedule, first);
    if (!sameRhythm(before, cadence)) {
      events.publishEvent(new CadenceChanged(team, kind, target, before, cadence, now));
    }
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

  /** Whether two cadences run at the same times (the anchor matters only every 2 to 4 weeks). */
  private static boolean sameRhythm(Cadence a, Cadence b) {
    return a != null && a.days().equals(b.days()) && a.everyWeeks() == b.everyWeeks() && a.time().equals(b.time())
        && a.zone().equals(b.zone()) && (a.everyWeeks() == 1 || a.anchor().equals(b.anchor()));
  }

  public void remove(String team, String kind, String target) {
    ScheduleId id = new ScheduleId(team, kind, target);
    Cadence before = store.find(id).map(Schedule::cadence).orElse(null);
    store.delete(id);
    if (before != null) {
      events.publishEvent(new CadenceChanged(team, kind, target, before, null, clock.instant()));
    }
  }

  public Optional<Schedule> get(String team, String kind, String target) {
    return store.find(new ScheduleId(team, kind, target));
  }

  public Optional<Instant> nextDue(String team, String kind, String target) {
    return store.due(new ScheduleId(team, kind, target));
  }

  /** {@link #get} and {@link #nextDue} in {@code pipeline}: both readable after its sync. */
  public ScheduleLookup lookup(PipelineBase pipeline, String team, String kind, String target) {
    return store.lookup(pipeline, new ScheduleId(team, kind, target));
  }

  public List<Schedule> all(String team, String kind) {
    return store.all(team).stream().filter(s -> s.kind().equals(kind)).toList();
  }
}
