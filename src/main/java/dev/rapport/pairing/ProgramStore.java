package dev.rapport.pairing;

import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.ScheduleLookup;
import dev.rapport.schedule.Schedules;
import dev.rapport.store.Keys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.UnifiedJedis;

/**
 * Programs. The cadence lives in the program's schedule (kind {@value #KIND}, target the channel); the rest
 * is here. What members chose about a program is in {@link ChoiceStore}.
 * <pre>
 * rapport:{team}:pairing:programs              SET   channels that have a program
 * rapport:{team}:pairing:{channel}:program     HASH  size, guests, departments, announce (absent: a program
 *                                                    from before announcements, which stays quiet), type (the
 *                                                    words of {@link ProgramType#words()}; absent: random; a
 *                                                    leader roulette's names its host),
 *                                                    heldBackNoteAt (epoch ms the admins were last told quiet
 *                                                    members weren't paused)
 * rapport:{team}:pairing:{channel}:runners     SET   admins who started, changed or ran a round of the program
 * rapport:{team}:pairing:{channel}:stopped     STRING epoch ms the program was stopped (until it starts again)
 * rapport:{team}:pairing:{channel}:members     SET   the channel's members when last read (for /coffee status)
 * rapport:{team}:pairing:{channel}:turns       HASH  cross-group programs: member -> their turn in the larger
 *                                                    side's rotation ({@code Structure.Sides#afterRound}), and
 *                                                    {@value #TURNS_ROUND} -> the round they were last counted for
 * </pre>
 */
@Component
class ProgramStore {

  static final String KIND = "pairing";
  static final String TURNS_ROUND = "@round";
  /** Workspaces whose program channels {@link #lastRead} keeps; past it, it starts over (a guess only). */
  static final int LAST_READ_LIMIT = 10_000;

  private final UnifiedJedis redis;
  private final Schedules schedules;
  private final Map<String, Set<String>> lastRead = new ConcurrentHashMap<>();

  ProgramStore(UnifiedJedis redis, Schedules schedules) {
    this.redis = redis;
    this.schedules = schedules;
  }

  /** Creates or updates the program; returns its first round. */
  Instant save(String team, Program program) {
    redis.hset(key(team, program.channel(), "program"), Map.of(
        "size", String.valueOf(program.size()),
        "guests", String.valueOf(program.guests()),
        "departments", program.departments().name(),
        "announce", String.valueOf(program.announce()),
        "type", program.type().words()));
    redis.sadd(Keys.team(team, "pairing", "programs"), program.channel());
    redis.del(key(team, program.channel(), "stopped"));
    return schedules.put(team, KIND, program.channel(), program.cadence(), Map.of());
  }

  void stop(String team, String channel, Instant at) {
    schedules.remove(team, KIND, channel);
    redis.del(key(team, channel, "program"), key(team, channel, "runners"), key(team, channel, "turns"));
    redis.srem(Keys.team(team, "pairing", "programs"), channel);
    redis.set(key(team, channel, "stopped"), String.valueOf(at.toEpochMilli()));
  }

  /** Whether the channel had a program that was stopped (and not started again). */
  boolean wasStopped(String team, String channel) {
    return redis.exists(key(team, channel, "stopped"));
  }

  /** {@code admin} started, changed or ran a round of the program: they hear about it when it needs them. */
  void addRunner(String team, String channel, String admin) {
    redis.sadd(key(team, channel, "runners"), admin);
  }

  Set<String> runners(String team, String channel) {
    return redis.smembers(key(team, channel, "runners"));
  }

  /**
   * True, and noted, when the admins weren't told in the last {@code every} that quiet members were left
   * unpaused (so a channel that stays quiet doesn't bring them a note every round).
   */
  boolean heldBackNoteDue(String team, String channel, Instant now, java.time.Duration every) {
    String program = key(team, channel, "program");
    String last = redis.hget(program, "heldBackNoteAt");
    if (last != null && Instant.ofEpochMilli(Long.parseLong(last)).plus(every).isAfter(now)) {
      return false;
    }
    redis.hset(program, "heldBackNoteAt", String.valueOf(now.toEpochMilli()));
    return true;
  }

  Optional<Program> find(String team, String channel) {
    return find(team, channel, redis.hgetAll(key(team, channel, "program")));
  }

  /** A program's schedule (and when it runs next) asked for in {@code pipeline}: read it after its sync. */
  ScheduleLookup schedule(PipelineBase pipeline, String team, String channel) {
    return schedules.lookup(pipeline, team, KIND, channel);
  }

  private Optional<Program> find(String team, String channel, Map<String, String> fields) {
    return fields.isEmpty() ? Optional.empty() : program(channel, fields, schedules.get(team, KIND, channel));
  }

  /** The program stored as {@code fields} (empty: none) with {@code schedule}, if both are there. */
  static Optional<Program> program(String channel, Map<String, String> fields, Optional<Schedule> schedule) {
    if (fields.isEmpty() || schedule.isEmpty()) {
      return Optional.empty();
    }
    Cadence cadence = schedule.get().cadence();
    return Optional.of(new Program(channel, cadence, Integer.parseInt(fields.getOrDefault("size", "2")),
        Boolean.parseBoolean(fields.get("guests")),
        Program.Departments.valueOf(fields.getOrDefault("departments", "NONE")),
        Boolean.parseBoolean(fields.get("announce")), type(fields.get("type"))));
  }

  private static ProgramType type(String words) {
    try {
      return words == null ? ProgramType.RANDOM : ProgramTypeWords.parse(words);
    } catch (RuntimeException e) {
      // A leader roulette whose host asked to be forgotten (PairingPersonalData) pairs nobody until changed.
      return words.startsWith("leader") ? new ProgramType.Leader(Round.FORGOTTEN, 1) : ProgramType.RANDOM;
    }
  }

  /** Members' turns in a cross-group program's rotation (absent: zero, a newcomer). */
  Map<String, Integer> turns(String team, String channel) {
    Map<String, Integer> turns = new java.util.HashMap<>();
    redis.hgetAll(key(team, channel, "turns")).forEach((user, turn) -> {
      if (!user.equals(TURNS_ROUND)) {
        turns.put(user, Integer.parseInt(turn));
      }
    });
    return turns;
  }

  /** Saves the turns after {@code round}, once: forming the same round again after a crash counts nothing twice. */
  void saveTurns(String team, String channel, String round, Map<String, Integer> turns) {
    String key = key(team, channel, "turns");
    if (round.equals(redis.hget(key, TURNS_ROUND))) {
      return;
    }
    Map<String, String> fields = new java.util.HashMap<>();
    turns.forEach((user, turn) -> fields.put(user, String.valueOf(turn)));
    fields.put(TURNS_ROUND, round);
    redis.hset(key, fields);
  }

  Set<String> channels(String team) {
    return redis.smembers(Keys.team(team, "pairing", "programs"));
  }

  /**
   * The workspace's program channels as this instance last read them ({@link #remember}): a guess, never an
   * answer. With it a request asks for each program's schedule in the same round trip as the stored program
   * list ({@link MemberView}), and reads again only for channels the guess missed (a program started since);
   * no instance has to tell the others when programs change.
   */
  Set<String> lastRead(String team) {
    return lastRead.getOrDefault(team, Set.of());
  }

  /** {@code channels} were just read for {@code team}: the next {@link #lastRead} guesses them. */
  void remember(String team, Set<String> channels) {
    if (!channels.equals(lastRead.get(team))) {
      if (lastRead.size() >= LAST_READ_LIMIT) {
        lastRead.clear();
      }
      lastRead.put(team, Set.copyOf(channels));
    }
  }

  Optional<Instant> nextRound(String team, String channel) {
    return schedules.nextDue(team, KIND, channel);
  }

  void rememberMembers(String team, String channel, List<String> members) {
    String target = key(team, channel, "members");
    if (members.isEmpty()) {
      redis.del(target);
      return;
    }
    // A temporary set of its own: a round and a settings save may read the same channel at once, and a
    // shared one was deleted or renamed away under the other (ERR no such key). It expires if we die midway.
    String temp = target + ":next:" + java.util.UUID.randomUUID();
    for (int from = 0; from < members.size(); from += 1000) {
      redis.sadd(temp, members.subList(from, Math.min(members.size(), from + 1000)).toArray(String[]::new));
      redis.expire(temp, 600);
    }
    redis.rename(temp, target);
    redis.persist(target);
  }

  static String key(String team, String channel, String what) {
    return Keys.team(team, "pairing", channel, what);
  }
}
