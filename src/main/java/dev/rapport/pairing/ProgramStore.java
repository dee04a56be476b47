package dev.rapport.pairing;

import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.Schedules;
import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Programs and what members chose about them. The cadence lives in the program's schedule (kind
 * {@value #KIND}, target the channel); the rest is here.
 * <pre>
 * rapport:{team}:pairing:programs              SET   channels that have a program
 * rapport:{team}:pairing:{channel}:program     HASH  size, guests, departments, announce (absent: a program
 *                                                    from before announcements, which stays quiet),
 *                                                    heldBackNoteAt (epoch ms the admins were last told quiet
 *                                                    members weren't paused)
 * rapport:{team}:pairing:{channel}:runners     SET   admins who started, changed or ran a round of the program
 * rapport:{team}:pairing:{channel}:stopped     STRING epoch ms the program was stopped (until it starts again)
 * rapport:{team}:pairing:{channel}:members     SET   the channel's members when last read (for /coffee status)
 * rapport:{team}:pairing:{channel}:left        SET   members who left this program (/coffee leave)
 * rapport:{team}:pairing:{channel}:paused      HASH  member -> epoch ms their pause ends (ghosts: far future)
 * rapport:{team}:pairing:{channel}:ghosts      HASH  member -> rounds in a row without a word from them (see
 *                                                   {@link Ghosts})
 * rapport:{team}:pairing:avoid:{user}          SET   people {user} is never paired with; nobody else sees it
 * </pre>
 */
@Component
class ProgramStore {

  static final String KIND = "pairing";
  static final long GHOST_PAUSE = Long.MAX_VALUE / 2;

  private final UnifiedJedis redis;
  private final Schedules schedules;
  private final LuaScript replaceAvoided = LuaScript.load("pairing/avoid-replace");

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
        "announce", String.valueOf(program.announce())));
    redis.sadd(Keys.team(team, "pairing", "programs"), program.channel());
    redis.del(key(team, program.channel(), "stopped"));
    return schedules.put(team, KIND, program.channel(), program.cadence(), Map.of());
  }

  void stop(String team, String channel, Instant at) {
    schedules.remove(team, KIND, channel);
    redis.del(key(team, channel, "program"), key(team, channel, "runners"));
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
    Map<String, String> fields = redis.hgetAll(key(team, channel, "program"));
    Optional<Schedule> schedule = schedules.get(team, KIND, channel);
    if (fields.isEmpty() || schedule.isEmpty()) {
      return Optional.empty();
    }
    Cadence cadence = schedule.get().cadence();
    return Optional.of(new Program(channel, cadence, Integer.parseInt(fields.getOrDefault("size", "2")),
        Boolean.parseBoolean(fields.get("guests")),
        Program.Departments.valueOf(fields.getOrDefault("departments", "NONE")),
        Boolean.parseBoolean(fields.get("announce"))));
  }

  Set<String> channels(String team) {
    return redis.smembers(Keys.team(team, "pairing", "programs"));
  }

  Optional<Instant> nextRound(String team, String channel) {
    return schedules.nextDue(team, KIND, channel);
  }

  void rememberMembers(String team, String channel, List<String> members) {
    String target = key(team, channel, "members");
    String temp = target + ":next";
    redis.del(temp);
    for (int from = 0; from < members.size(); from += 1000) {
      redis.sadd(temp, members.subList(from, Math.min(members.size(), from + 1000)).toArray(String[]::new));
    }
    if (members.isEmpty()) {
      redis.del(target);
    } else {
      redis.rename(temp, target);
    }
  }

  boolean isMember(String team, String channel, String user) {
    return redis.sismember(key(team, channel, "members"), user);
  }

  void leave(String team, String channel, String user) {
    redis.sadd(key(team, channel, "left"), user);
  }

  /** Back in: no longer left, paused or counted as a ghost. */
  void join(String team, String channel, String user) {
    redis.srem(key(team, channel, "left"), user);
    resume(team, channel, user);
  }

  boolean hasLeft(String team, String channel, String user) {
    return redis.sismember(key(team, channel, "left"), user);
  }

  Set<String> left(String team, String channel) {
    return redis.smembers(key(team, channel, "left"));
  }

  void pause(String team, String channel, String user, Instant until) {
    redis.hset(key(team, channel, "paused"), user, String.valueOf(until.toEpochMilli()));
  }

  void resume(String team, String channel, String user) {
    redis.hdel(key(team, channel, "paused"), user);
    redis.hdel(key(team, channel, "ghosts"), user);
  }

  /** Paused members and when their pause ends (pauses that ended are left out). */
  Map<String, Instant> paused(String team, String channel, Instant now) {
    Map<String, Instant> paused = new HashMap<>();
    redis.hgetAll(key(team, channel, "paused")).forEach((user, until) -> {
      Instant end = Instant.ofEpochMilli(Long.parseLong(until));
      if (end.isAfter(now)) {
        paused.put(user, end);
      }
    });
    return paused;
  }

  /** When {@code user}'s pause in {@code channel} ends, if they are paused now (one read, not the whole hash). */
  Optional<Instant> pausedUntil(String team, String channel, String user, Instant now) {
    String until = redis.hget(key(team, channel, "paused"), user);
    return Optional.ofNullable(until).map(ms -> Instant.ofEpochMilli(Long.parseLong(ms))).filter(end -> end.isAfter(now));
  }

  static boolean isGhostPause(Instant until) {
    return until.toEpochMilli() >= GHOST_PAUSE;
  }

  /**
   * One more round without a word from each of {@code users}; returns how many in a row now, per user (one
   * round trip per 1,000, so a quiet 10,000-member round doesn't hold up the next one).
   */
  Map<String, Long> ignored(String team, String channel, List<String> users) {
    Map<String, Long> counts = new HashMap<>();
    for (int from = 0; from < users.size(); from += 1000) {
      List<String> chunk = users.subList(from, Math.min(users.size(), from + 1000));
      try (var pipeline = redis.pipelined()) {
        List<redis.clients.jedis.Response<Long>> answers = chunk.stream()
            .map(u -> pipeline.hincrBy(key(team, channel, "ghosts"), u, 1)).toList();
        pipeline.sync();
        for (int i = 0; i < chunk.size(); i++) {
          counts.put(chunk.get(i), answers.get(i).get());
        }
      }
    }
    return counts;
  }

  void answered(String team, String channel, List<String> users) {
    if (!users.isEmpty()) {
      redis.hdel(key(team, channel, "ghosts"), users.toArray(String[]::new));
    }
  }

  void avoid(String team, String user, String other) {
    redis.sadd(Keys.team(team, "pairing", "avoid", user), other);
  }

  boolean unavoid(String team, String user, String other) {
    return redis.srem(Keys.team(team, "pairing", "avoid", user), other) == 1;
  }

  Set<String> avoided(String team, String user) {
    return redis.smembers(Keys.team(team, "pairing", "avoid", user));
  }

  /** Replaces {@code user}'s whole do-not-pair list in one script. */
  void replaceAvoided(String team, String user, Set<String> others) {
    replaceAvoided.run(redis, List.of(Keys.team(team, "pairing", "avoid", user)), List.copyOf(others));
  }

  /** Avoid lists of many members at once (one round trip per 1,000). */
  Map<String, Set<String>> avoided(String team, List<String> users) {
    Map<String, Set<String>> all = new HashMap<>();
    for (int from = 0; from < users.size(); from += 1000) {
      List<String> chunk = users.subList(from, Math.min(users.size(), from + 1000));
      try (var pipeline = redis.pipelined()) {
        List<redis.clients.jedis.Response<Set<String>>> answers = chunk.stream()
            .map(u -> pipeline.smembers(Keys.team(team, "pairing", "avoid", u))).toList();
        pipeline.sync();
        for (int i = 0; i < chunk.size(); i++) {
          Set<String> avoided = answers.get(i).get();
          if (!avoided.isEmpty()) {
            all.put(chunk.get(i), avoided);
          }
        }
      }
    }
    return all;
  }

  private static String key(String team, String channel, String what) {
    return Keys.team(team, "pairing", channel, what);
  }
}
