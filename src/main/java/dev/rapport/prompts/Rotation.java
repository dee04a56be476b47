package dev.rapport.prompts;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Which prompt a channel gets next: every prompt of a strategy once, in a shuffled order, before any
 * repeats; then a new cycle in a new order (see {@code lua/prompts/pick.lua}). Picks are atomic, so two
 * instances posting at once never pick the same prompt.
 * <pre>
 * rapport:{team}:prompts:rotation:{channel}:{strategy}:seen   SET     prompt ids picked in this cycle
 * rapport:{team}:prompts:rotation:{channel}:{strategy}:state  HASH    cycle -> number, last -> id picked last
 * rapport:{team}:prompts:rotation:{channel}:turn               STRING  picks without a strategy so far (the
 *                                                                      four strategies take turns)
 * rapport:{team}:prompts:pick:{occurrence...}                  STRING  id picked for a scheduled occurrence
 * </pre>
 * Rotation keys expire {@link #KEEP} after a channel's last pick; a pick memo after {@link #MEMO}.
 */
@Component
class Rotation {

  static final Duration KEEP = Duration.ofDays(400);
  static final Duration MEMO = Duration.ofDays(1);

  private final UnifiedJedis redis;
  private final LuaScript pick = LuaScript.load("prompts/pick");

  Rotation(UnifiedJedis redis) {
    this.redis = redis;
  }

  /**
   * Picks among {@code candidates} (ids of one strategy) for {@code channel}; empty when all were removed.
   * With an {@code occurrence}, the pick is remembered for {@link #remembered}.
   */
  Optional<String> pick(String team, String channel, Strategy strategy, List<String> candidates,
                        String occurrence) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>(List.of(seen(team, channel, strategy), state(team, channel, strategy),
        WorkspacePrompts.removedKey(team)));
    if (occurrence != null) {
      keys.add(memo(team, occurrence));
    }
    List<String> args = new ArrayList<>(List.of(team + ":" + channel + ":" + strategy.id(),
        String.valueOf(KEEP.toSeconds()), String.valueOf(MEMO.toSeconds())));
    args.addAll(candidates);
    Object result = pick.run(redis, keys, args);
    return result instanceof List<?> list ? Optional.of((String) list.get(0)) : Optional.empty();
  }

  /** The prompt id already picked for {@code occurrence}, if any. */
  Optional<String> remembered(String team, String occurrence) {
    return Optional.ofNullable(redis.get(memo(team, occurrence)));
  }

  /** Counts one strategy-less pick in {@code channel}; returns how many there were, this one included. */
  long turn(String team, String channel) {
    String key = Keys.team(team, "prompts", "rotation", channel, "turn");
    // Created with its expiry, so the counter can't outlive the channel's use by accident.
    redis.set(key, "0", SetParams.setParams().nx().ex(KEEP.toSeconds()));
    long n = redis.incr(key);
    redis.expire(key, KEEP.toSeconds());
    return n;
  }

  /** Gives a picked prompt back (it could not be posted), so the cycle still covers it. */
  void putBack(String team, String channel, Strategy strategy, String id) {
    redis.srem(seen(team, channel, strategy), id);
  }

  private static String seen(String team, String channel, Strategy strategy) {
    return Keys.team(team, "prompts", "rotation", channel, strategy.id(), "seen");
  }

  private static String state(String team, String channel, Strategy strategy) {
    return Keys.team(team, "prompts", "rotation", channel, strategy.id(), "state");
  }

  private static String memo(String team, String occurrence) {
    return Keys.team(team, "prompts", "pick", occurrence);
  }
}
