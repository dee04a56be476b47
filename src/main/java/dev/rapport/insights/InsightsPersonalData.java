package dev.rapport.insights;

import dev.rapport.people.MemberForgotten;
import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import dev.rapport.store.Keys;
import dev.rapport.store.Scans;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Forget-me for insights: the person's lasting-tie questions and answers, and their department in past rounds.
 * Milestones name nobody. An uninstalled workspace's keys go with all of {@code rapport:{team}:*}.
 */
@Component
class InsightsPersonalData implements KeyLayout {

  private final UnifiedJedis redis;

  InsightsPersonalData(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** Every key family insights write ({@link RoundDepartments}, {@link TieStore}, {@link Milestones}). */
  @Override
  public List<KeyFamily> keyFamilies() {
    return KeyFamily.table("""
        rapport:{team}:insights:round:{channel}:{round}    PERSON
        rapport:{team}:insights:tie-asks                   PERSON
        rapport:{team}:insights:ties:{channel}             PERSON
        rapport:{team}:insights:milestones:{channel}
        """);
  }

  @EventListener
  void forget(MemberForgotten forgotten) {
    String team = forgotten.team();
    String user = forgotten.user();
    List<String> asks = new ArrayList<>();
    Scans.sortedSet(redis, TieStore.asks(team), "*|" + user, t -> asks.add(t.getElement()));
    if (!asks.isEmpty()) {
      redis.zrem(TieStore.asks(team), asks.toArray(String[]::new));
    }
    for (String key : Scans.keys(redis, Keys.team(team, "insights", "ties", "*"))) {
      List<String> fields = new ArrayList<>();
      Scans.hash(redis, key, field -> {
        if (field.getKey().endsWith("|" + user)) {
          fields.add(field.getKey());
        }
      });
      if (!fields.isEmpty()) {
        redis.hdel(key, fields.toArray(String[]::new));
      }
    }
    for (String key : Scans.keys(redis, Keys.team(team, "insights", "round", "*"))) {
      redis.hdel(key, "d:" + user);
    }
  }
}
