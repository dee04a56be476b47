package dev.rapport.schedule;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import dev.rapport.store.Scans;
import dev.rapport.store.StoredJson;
import dev.rapport.store.WakeUps;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Schedules in Redis. Definitions live with their workspace; one shared index says what is due when, so
 * any instance can claim due work with one script.
 * <pre>
 * rapport:{team}:schedule:defs                 HASH    kind|target -> schedule as JSON
 * rapport:{team}:schedule:done:{occurrence...} STRING  "1" once an occurrence finished; expires after 30 days
 * rapport:{schedule}:due                       ZSET    team|kind|target -> due epoch ms (lease expiry while claimed)
 * rapport:{schedule}:claims                    HASH    team|kind|target -> due epoch ms of the occurrence running
 * </pre>
 * Saving a schedule that is now the earliest due publishes on the channel {@code rapport:{schedule}:wake} (no
 * key; {@code WakeUps}), so idle schedulers of every instance look again; they wait until the earliest due
 * time anyway, so later schedules need no wake-up.
 */
@Component
class ScheduleStore {

  static final String DUE = Keys.shared("schedule", "due");
  static final String CLAIMS = Keys.shared("schedule", "claims");
  static final String WAKE = WakeUps.channel("schedule");
  private static final Duration REMEMBER_DONE = Duration.ofDays(30);

  /** Parsed definitions {@link #read} keeps; past it, it starts over. */
  static final int PARSED_LIMIT = 10_000;

  private final UnifiedJedis redis;
  private final StoredJson json;
  private final Map<String, Schedule> parsed = new java.util.concurrent.ConcurrentHashMap<>();
  private final LuaScript claim = LuaScript.load("schedule/claim");
  private final LuaScript finish = LuaScript.load("schedule/finish");
  private final LuaScript index = LuaScript.load("schedule/index");
  private final LuaScript due = LuaScript.load("schedule/due");

  ScheduleStore(UnifiedJedis redis, StoredJson json) {
    this.redis = redis;
    this.json = json;
  }

  /** A claimed occurrence: the schedule's id (as encoded), its due time and the lease this instance holds. */
  record Claim(String id, Instant due, long lease) {}

  void save(Schedule schedule, Instant due) {
    redis.hset(defs(schedule.team()), schedule.id().field(), write(schedule));
    // Publishes on WAKE when this is now the earliest due: idle schedulers wait until the earliest they saw.
    index.run(redis, List.of(DUE, CLAIMS),
        List.of(schedule.id().encode(), String.valueOf(due.toEpochMilli()), WAKE));
  }

  void delete(ScheduleId id) {
    index.run(redis, List.of(DUE, CLAIMS), List.of(id.encode(), ""));
    redis.hdel(defs(id.team()), id.field());
  }

  Optional<Schedule> find(ScheduleId id) {
    return Optional.ofNullable(redis.hget(defs(id.team()), id.field())).map(this::read);
  }

  /** The schedule a claim (an encoded id from the due index) names, if it still exists. */
  Optional<Schedule> find(Claim claim) {
    return ScheduleId.parse(claim.id()).flatMap(this::find);
  }

  List<Schedule> all(String team) {
    List<Schedule> all = new ArrayList<>();
    redis.hgetAll(defs(team)).values().forEach(v -> all.add(read(v)));
    return all;
  }

  /** When the schedule runs next: its due time, or the due time of the occurrence running now. */
  Optional<Instant> due(ScheduleId scheduleId) {
    // One script, not two reads: /coffee status and /pulse ask this before their ack.
    return dueOf(this.due.run(redis, List.of(DUE, CLAIMS), List.of(scheduleId.encode())));
  }

  /** The definition and the next due time of {@code id}, asked for in {@code pipeline}. */
  ScheduleLookup lookup(PipelineBase pipeline, ScheduleId id) {
    Response<String> definition = pipeline.hget(defs(id.team()), id.field());
    Response<Object> next = due.run(pipeline, List.of(DUE, CLAIMS), List.of(id.encode()));
    return new ScheduleLookup(() -> Optional.ofNullable(definition.get()).map(this::read), () -> dueOf(next.get()));
  }

  private static Optional<Instant> dueOf(Object due) {
    return due instanceof String ms ? Optional.of(Instant.ofEpochMilli((long) Double.parseDouble(ms)))
        : Optional.empty();
  }

  /** What one claim took, and when the next schedule falls due or a lease runs out (null: none scheduled). */
  record Claims(List<Claim> claims, Instant next) {}

  Claims claimNext(Instant now, Duration lease, int max) {
    List<?> flat = (List<?>) claim.run(redis, List.of(DUE, CLAIMS),
        List.of(String.valueOf(now.toEpochMilli()), String.valueOf(lease.toMillis()), String.valueOf(max)));
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i + 2 < flat.size(); i += 3) {
      claims.add(new Claim((String) flat.get(i),
          Instant.ofEpochMilli((long) Double.parseDouble((String) flat.get(i + 1))),
          Long.parseLong((String) flat.get(i + 2))));
    }
    String next = flat.isEmpty() ? "" : (String) flat.get(flat.size() - 1);
    return new Claims(claims, next.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(next)));
  }

  /** Ends a claim: next due time (null removes the schedule from the index); keepClaim retries it. */
  boolean finish(Claim claim, Instant next, boolean keepClaim) {
    Object done = finish.run(redis, List.of(DUE, CLAIMS), List.of(claim.id(), String.valueOf(claim.lease()),
        next == null ? "" : String.valueOf(next.toEpochMilli()), keepClaim ? "1" : "0"));
    return Long.valueOf(1L).equals(done);
  }

  boolean isDone(Occurrence occurrence) {
    return redis.exists(doneKey(occurrence));
  }

  void markDone(Occurrence occurrence) {
    redis.set(doneKey(occurrence), "1", SetParams.setParams().ex(REMEMBER_DONE.toSeconds()));
  }

  /** Removes every schedule of a workspace from the shared index (its own keys go with the workspace). */
  void deleteWorkspace(String team) {
    for (Schedule schedule : all(team)) {
      delete(schedule.id());
    }
    Scans.sortedSet(redis, DUE, ScheduleId.allOf(team),
        t -> index.run(redis, List.of(DUE, CLAIMS), List.of(t.getElement(), "")));
  }

  private String doneKey(Occurrence occurrence) {
    Schedule s = occurrence.schedule();
    return Keys.team(s.team(), "schedule", "done", s.id().field() + "@" + occurrence.dueAt().toEpochMilli());
  }

  private static String defs(String team) {
    return Keys.team(team, "schedule", "defs");
  }

  /** The stored form of a schedule. */
  record Stored(String team, String kind, String target, List<DayOfWeek> days, Integer everyWeeks,
                String time, String zone, String anchor, Long at, Map<String, String> data) {}

  private String write(Schedule s) {
    Cadence c = s.cadence();
    Stored stored = c == null
        ? new Stored(s.team(), s.kind(), s.target(), null, null, null, null, null, s.at().toEpochMilli(), s.data())
        : new Stored(s.team(), s.kind(), s.target(), c.days().stream().sorted().toList(), c.everyWeeks(),
            c.time().toString(), c.zone().getId(), c.anchor().toString(), null, s.data());
    return json.write(stored);
  }

  /**
   * A stored definition as a schedule. Parsed ones are kept by their exact JSON (a schedule is immutable, a
   * changed definition is other JSON): {@code /coffee status} and App Home show schedules on every call, and
   * the parse was a tenth of a status's CPU.
   */
  private Schedule read(String value) {
    Schedule known = parsed.get(value);
    if (known != null) {
      return known;
    }
    Schedule schedule = parse(value);
    if (parsed.size() >= PARSED_LIMIT) {
      parsed.clear();
    }
    parsed.put(value, schedule);
    return schedule;
  }

  private Schedule parse(String value) {
    Stored s = json.read(value, Stored.class);
    Cadence cadence = s.days() == null ? null : new Cadence(EnumSet.copyOf(s.days()), s.everyWeeks(),
        LocalTime.parse(s.time()), ZoneId.of(s.zone()), LocalDate.parse(s.anchor()));
    return new Schedule(s.team(), s.kind(), s.target(), cadence,
        s.at() == null ? null : Instant.ofEpochMilli(s.at()), s.data());
  }
}
