package dev.rapport.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * Walks keys, a hash's fields or a sorted set's members a page at a time ({@code SCAN}, {@code HSCAN},
 * {@code ZSCAN}), so nothing reads an unbounded collection at once and no caller writes the cursor loop.
 * Keys are scanned on every node of a cluster. What is added or removed during a walk may or may not be
 * seen (Redis's SCAN guarantee); what is there throughout is seen at least once.
 */
public final class Scans {

  private static final int PAGE = 500;

  private Scans() {}

  /** Calls {@code each} with every key matching {@code pattern}. */
  public static void keys(UnifiedJedis redis, String pattern, Consumer<String> each) {
    var scan = redis.scanIteration(PAGE, pattern);
    while (!scan.isIterationCompleted()) {
      scan.nextBatchList().forEach(each);
    }
  }

  /** Every key matching {@code pattern}, collected (for a bounded set, e.g. one workspace's keys). */
  public static List<String> keys(UnifiedJedis redis, String pattern) {
    List<String> keys = new ArrayList<>();
    keys(redis, pattern, keys::add);
    return keys;
  }

  /** Calls {@code each} with every field and value of the hash {@code key}. */
  public static void hash(UnifiedJedis redis, String key, Consumer<Map.Entry<String, String>> each) {
    walk(cursor -> redis.hscan(key, cursor, new ScanParams().count(PAGE)), each);
  }

  /** Calls {@code each} with every member of the sorted set {@code key} matching {@code pattern}. */
  public static void sortedSet(UnifiedJedis redis, String key, String pattern, Consumer<Tuple> each) {
    walk(cursor -> redis.zscan(key, cursor, new ScanParams().match(pattern).count(PAGE)), each);
  }

  private static <T> void walk(java.util.function.Function<String, ScanResult<T>> page, Consumer<T> each) {
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<T> result = page.apply(cursor);
      result.getResult().forEach(each);
      cursor = result.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }
}
