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
  private final LuaScript acquire = LuaScript.load("outbox/rate-acquire");

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

  /** Drops the budget of one channel's posts (a person's DM is named by their user id). */
  void forgetChannel(String team, String channel) {
    redis.del(channel(team, channel).key());
  }

  /**
   * When each delivery of a batch may go, in epoch ms: the first ones at once (the budgets' burst), then
   * at the pace of the tightest budget each needs, as the limiter would let them through on its own.
   * Queued at these times, a batch queued later interleaves with a big one still going out (a pulse's
   * invitations with a 10,000-member round's intros, one workspace with another) instead of waiting
   * behind all of it. A batch handed over in parts continues where the previous part ended.
   */
  Plan plan(Instant from) {
    return new Plan(from.toEpochMilli());
  }

  final class Plan {
    private final long start;
    private long spent;

    private Plan(long start) {
      this.start = start;
    }

    long[] next(List<Delivery> part) {
      long[] at = new long[part.size()];
      for (int i = 0; i < at.length; i++) {
        Delivery d = part.get(i);
        Budget[] budgets = switch (d.kind()) {
          case POST -> new Budget[] {method(d.team(), "chat.postMessage")};
          case DM -> new Budget[] {method(d.team(), "conversations.open"), method(d.team(), "chat.postMessage")};
          case UPLOAD -> new Budget[] {method(d.team(), "conversations.open"), method(d.team(), "files.upload")};
          case UPDATE -> new Budget[] {method(d.team(), "chat.update")};
        };
        long interval = 0;
        int burst = Integer.MAX_VALUE;
        for (Budget b : budgets) {
          interval = Math.max(interval, b.intervalMillis());
          burst = Math.min(burst, b.burst());
        }
        at[i] = start + Math.max(0, spent - interval * (burst - 1));
        spent += interval;
      }
      return at;
    }
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
