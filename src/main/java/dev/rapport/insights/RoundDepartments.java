package dev.rapport.insights;

import dev.rapport.pairing.RoundFormed;
import dev.rapport.store.Keys;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * What insights keep of each coffee round that pairing doesn't: the placed members' departments as the program
 * read them when the round was formed (so the map shows the departments people were in then), and how many
 * could have taken part (for participation).
 * <pre>
 * rapport:{team}:insights:round:{channel}:{round}  HASH  could -> people who could take part,
 *                                                        d:{user} -> department; expires after 400 days
 * </pre>
 */
@Component
class RoundDepartments {

  static final Duration KEEP = Duration.ofDays(400);

  /** One round's departments (user to department) and how many could take part (-1: not known). */
  record Known(Map<String, String> departments, int couldTakePart) {}

  private final UnifiedJedis redis;

  RoundDepartments(UnifiedJedis redis) {
    this.redis = redis;
  }

  @EventListener
  void formed(RoundFormed round) {
    Map<String, String> fields = new HashMap<>();
    fields.put("could", String.valueOf(round.couldTakePart()));
    round.departments().forEach((user, department) -> fields.put("d:" + user, department));
    String key = key(round.team(), round.channel(), round.round());
    redis.hset(key, fields);
    redis.pexpireAt(key, round.at().plus(KEEP).toEpochMilli());
  }

  Known of(String team, String channel, String round) {
    Map<String, String> departments = new HashMap<>();
    int could = -1;
    for (Map.Entry<String, String> field : redis.hgetAll(key(team, channel, round)).entrySet()) {
      if (field.getKey().startsWith("d:")) {
        departments.put(field.getKey().substring(2), field.getValue());
      } else if (field.getKey().equals("could")) {
        could = Integer.parseInt(field.getValue());
      }
    }
    return new Known(departments, could);
  }

  /** Takes {@code user} out of the given rounds' keys (forget-me). */
  void forget(List<String> keys, String user) {
    keys.forEach(key -> redis.hdel(key, "d:" + user));
  }

  static String key(String team, String channel, String round) {
    return Keys.team(team, "insights", "round", channel, round);
  }
}
