package dev.rapport.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/** Everything a Redis holds, as text: what someone who reads the database (or a dump of it) would see. */
public final class RedisContents {

  private RedisContents() {}

  /** Every key, with its value (of any type, hash fields and sorted-set scores included) as text. */
  public static Map<String, String> all(UnifiedJedis jedis) {
    Map<String, String> all = new TreeMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      var page = jedis.scan(cursor, new ScanParams().count(1000));
      for (String key : page.getResult()) {
        all.put(key, dump(jedis, key));
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return all;
  }

  /** Every key, or key and value, that contains {@code text}. */
  public static List<String> mentions(UnifiedJedis jedis, String text) {
    List<String> found = new ArrayList<>();
    all(jedis).forEach((key, value) -> {
      if (key.contains(text)) {
        found.add("key " + key);
      } else if (value.contains(text)) {
        found.add(key + " = " + value);
      }
    });
    return found;
  }

  public static String dump(UnifiedJedis jedis, String key) {
    String value = switch (jedis.type(key)) {
      case "string" -> jedis.get(key);
      case "hash" -> jedis.hgetAll(key).toString();
      case "set" -> jedis.smembers(key).toString();
      case "zset" -> jedis.zrangeWithScores(key, 0, -1).toString();
      case "list" -> jedis.lrange(key, 0, -1).toString();
      case "stream" -> jedis.xrange(key, (redis.clients.jedis.StreamEntryID) null, null).toString();
      default -> "";
    };
    return value == null ? "" : value;
  }
}
