package dev.rapport.insights;

import dev.rapport.schedule.CadenceChanged;
import dev.rapport.store.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * The milestone log: when a channel's coffee pairing, empathy prompts or pulse started, changed cadence or
 * stopped, written where it happens (every recurring schedule put or removed publishes {@link CadenceChanged}).
 * Shown next to a team's pulse, described, never explained.
 * <pre>
 * rapport:{team}:insights:milestones:{channel}  ZSET  {epoch ms}|{kind}|{change}|{cadence} -> epoch ms (last 200)
 * </pre>
 */
@Component
class Milestones {

  static final int KEEP = 200;
  /** The features whose schedules are milestones, and how people name them. */
  static final Map<String, String> FEATURES = Map.of("pairing", "Coffee pairing", "prompts", "Empathy prompts",
      "pulse", "Pulse");

  private final UnifiedJedis redis;

  Milestones(UnifiedJedis redis) {
    this.redis = redis;
  }

  @EventListener
  void changed(CadenceChanged change) {
    String feature = FEATURES.get(change.kind());
    if (feature == null) {
      return;
    }
    String what = change.started() ? "started" : change.stopped() ? "stopped" : "changed";
    String cadence = change.after() == null ? "" : change.after().describe();
    String key = key(change.team(), change.target());
    long at = change.at().toEpochMilli();
    redis.zadd(key, at, at + "|" + change.kind() + "|" + what + "|" + cadence);
    redis.zremrangeByRank(key, 0, -KEEP - 1);
  }

  /** A channel's milestones between {@code from} and {@code to}, oldest first. */
  List<Milestone> of(String team, String channel, Instant from, Instant to) {
    List<Milestone> found = new ArrayList<>();
    for (String entry : redis.zrangeByScore(key(team, channel), from.toEpochMilli(), to.toEpochMilli())) {
      String[] parts = entry.split("\\|", 4);
      if (parts.length == 4 && FEATURES.containsKey(parts[1])) {
        found.add(new Milestone(Instant.ofEpochMilli(Long.parseLong(parts[0])), FEATURES.get(parts[1]), parts[2],
            parts[3]));
      }
    }
    return found;
  }

  static String key(String team, String channel) {
    return Keys.team(team, "insights", "milestones", channel);
  }
}
