package dev.rapport.pairing;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * What members chose about programs — left, paused, whom they never meet — and how many rounds in a row
 * they went without a word ({@link Ghosts} pauses them after a few).
 * <pre>
 * rapport:{team}:pairing:{channel}:left        SET   members who left this program (/coffee leave)
 * rapport:{team}:pairing:{channel}:paused      HASH  member -> epoch ms their pause ends (ghosts: far future)
 * rapport:{team}:pairing:{channel}:ghosts      HASH  member -> rounds in a row without a word from them
 * rapport:{team}:pairing:avoid:{user}          SET   people {user} is never paired with; nobody else sees it
 * </pre>
 */
@Component
class ChoiceStore {

  static final long GHOST_PAUSE = Long.MAX_VALUE / 2;

  private final UnifiedJedis redis;
  private final LuaScript replaceAvoided = LuaScript.load("pairing/avoid-replace");

  ChoiceStore(UnifiedJedis redis) {
    this.redis = redis;
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

  /** When a stored pause ({@code ms}, or null) ends, if it hasn't by {@code now}. */
  static Optional<Instant> pauseEnd(String ms, Instant now) {
    return Optional.ofNullable(ms).map(end -> Instant.ofEpochMilli(Long.parseLong(end)))
        .filter(end -> end.isAfter(now));
  }

  static boolean isGhostPause(Instant until) {
    return until.toEpochMilli() >= GHOST_PAUSE;
  }

  /**
   * One more round without a word from each of {@code users}; returns how many in a row now, per user (one
   * round trip per 1,000, so a quiet 10,000-member round doesn't hold up the next one).
   */
  Map<String, Long> ignored(String team, String channel, List<String> users) {
    return perUser(users, (pipeline, u) -> pipeline.hincrBy(key(team, channel, "ghosts"), u, 1));
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

  /** Avoid lists of many members at once (one round trip per 1,000); members with none are left out. */
  Map<String, Set<String>> avoided(String team, List<String> users) {
    Map<String, Set<String>> all = perUser(users,
        (pipeline, u) -> pipeline.smembers(Keys.team(team, "pairing", "avoid", u)));
    all.values().removeIf(Set::isEmpty);
    return all;
  }

  /** One command per user, in pipelines of 1,000: user -> its answer. */
  private <T> Map<String, T> perUser(List<String> users, BiFunction<PipelineBase, String, Response<T>> command) {
    Map<String, T> answers = new HashMap<>();
    for (int from = 0; from < users.size(); from += 1000) {
      List<String> chunk = users.subList(from, Math.min(users.size(), from + 1000));
      try (PipelineBase pipeline = redis.pipelined()) {
        List<Response<T>> responses = chunk.stream().map(u -> command.apply(pipeline, u)).toList();
        pipeline.sync();
        for (int i = 0; i < chunk.size(); i++) {
          answers.put(chunk.get(i), responses.get(i).get());
        }
      }
    }
    return answers;
  }

  private static String key(String team, String channel, String what) {
    return ProgramStore.key(team, channel, what);
  }
}
