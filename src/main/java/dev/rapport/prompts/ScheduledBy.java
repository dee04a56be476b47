package dev.rapport.prompts;

import dev.rapport.store.Keys;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Who scheduled the prompts of each channel ({@code /empathy start}), so that they hear when a scheduled
 * prompt can't be posted. Forget-me removes the person; the admins are told instead.
 * <pre>
 * rapport:{team}:prompts:scheduled-by   HASH  channel -> user who last ran /empathy start there
 * </pre>
 */
@Component
class ScheduledBy {

  private final UnifiedJedis redis;

  ScheduledBy(UnifiedJedis redis) {
    this.redis = redis;
  }

  void set(String team, String channel, String user) {
    redis.hset(key(team), channel, user);
  }

  Optional<String> of(String team, String channel) {
    return Optional.ofNullable(redis.hget(key(team), channel));
  }

  void remove(String team, String channel) {
    redis.hdel(key(team), channel);
  }

  /** Forget-me: {@code user} no longer stands for any channel's schedule. */
  void forget(String team, String user) {
    for (Map.Entry<String, String> e : redis.hgetAll(key(team)).entrySet()) {
      if (e.getValue().equals(user)) {
        redis.hdel(key(team), e.getKey());
      }
    }
  }

  private static String key(String team) {
    return Keys.team(team, "prompts", "scheduled-by");
  }
}
