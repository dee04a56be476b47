package dev.rapport.outbox;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Slack's rate limits, shared by every instance: one bucket per workspace and method (and per channel for
 * {@code chat.postMessage}), each a GCRA timestamp in Redis. A 429 pushes the bucket back by Slack's
 * {@code Retry-After}.
 * <pre>
 * rapport:{outbox}:rate:{team}:{method}          STRING  theoretical arrival time (epoch ms), expires when idle
 * rapport:{outbox}:rate:{team}:channel:{channel} STRING  same, for one channel's posts
 * </pre>
 */
@Component
class RateLimiter {

  /** A budget: {@code perMinute} calls, with bursts of {@code burst}. */
  record Budget(String key, double perMinute, int burst) {
    long intervalMillis() {
      return Math.max(1, Math.round(60_000.0 / perMinute));
    }
  }

  private final UnifiedJedis redis;
  private final OutboxSettings settings;
  private final LuaScript acquire = LuaScript.load("rate-acquire");

  RateLimiter(UnifiedJedis redis, OutboxSettings settings) {
    this.redis = redis;
    this.settings = settings;
  }

  Budget method(String team, String method) {
    int perMinute = settings.perMinute(method);
    return new Budget(Keys.shared("outbox", "rate", team, method), perMinute, Math.max(1, perMinute / 10));
  }

  Budget channel(String team, String channel) {
    return new Budget(Keys.shared("outbox", "rate", team, "channel", channel),
        settings.perChannelPerSecond() * 60.0, 1);
  }

  /** Takes one call from every budget, or none; returns how long to wait when it can't. */
  Duration acquire(Instant now, Budget... budgets) {
    List<String> keys = new ArrayList<>();
    List<String> args = new ArrayList<>();
    args.add(String.valueOf(now.toEpochMilli()));
    for (Budget b : budgets) {
      keys.add(b.key());
      args.add(String.valueOf(b.intervalMillis()));
      args.add(String.valueOf(b.intervalMillis() * (b.burst() - 1)));
    }
    long wait = (Long) acquire.run(redis, keys, args);
    return Duration.ofMillis(wait);
  }

  /** Slack said 429: nothing more for this budget until {@code retryAfter} has passed. */
  void backOff(Budget budget, Instant now, Duration retryAfter) {
    long until = now.plus(retryAfter).toEpochMilli() + budget.intervalMillis() * (budget.burst() - 1);
    redis.set(budget.key(), String.valueOf(until),
        SetParams.setParams().px(retryAfter.toMillis() + budget.intervalMillis() * budget.burst() + 1000));
  }
}
