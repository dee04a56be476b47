package dev.rapport.slack;

import dev.rapport.store.Keys;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Signed requests already let in, so the same signed bytes sent again while their timestamp is still within
 * the 5-minute window are refused: a captured command, button click or modal submission can't be played
 * twice. Slack signs every delivery anew (its event retries carry a new timestamp, so a new signature), and
 * the event_id dedupe in {@link EventDedupe} decides about those.
 * <pre>
 * rapport:{requests}:seen:{signature}   STRING  "1", expires when the signature's timestamp has left the
 *                                               window (+{@link #MARGIN_SECONDS} s for clocks of replicas)
 * </pre>
 * A request we answered with a 5xx is forgotten again ({@link #forget}), so Slack's retry of it (or the
 * same bytes again) is let in. While Redis is unreachable, signatures are remembered in this instance's
 * memory instead (at most {@link #LOCAL_LIMIT}, oldest dropped first), so a replay to the same instance is
 * still refused; another replica can't tell, but nothing stored can change while Redis is down.
 */
final class Replays {

  static final long MARGIN_SECONDS = 60;
  static final int LOCAL_LIMIT = 50_000;

  private static final Logger log = LoggerFactory.getLogger(Replays.class);

  private final UnifiedJedis redis;
  private final Clock clock;
  /** signature -> epoch second it may be forgotten; only written while Redis is unreachable. */
  private final Map<String, Long> local = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > LOCAL_LIMIT;
    }
  };

  Replays(UnifiedJedis redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** Whether this is the first time {@code signature} (made at {@code timestamp}) comes in; remembers it. */
  boolean firstTime(String signature, long timestamp) {
    long now = clock.instant().getEpochSecond();
    long forgetAt = timestamp + Signatures.MAX_SKEW_SECONDS + MARGIN_SECONDS;
    synchronized (local) {
      Long seen = local.get(signature);
      if (seen != null && seen > now) {
        return false;
      }
    }
    try {
      return redis.set(key(signature), "1", SetParams.setParams().nx().ex(Math.max(1, forgetAt - now))) != null;
    } catch (JedisException e) {
      log.warn("Redis unavailable ({}): remembering a request's signature in memory", e.getClass().getSimpleName());
      synchronized (local) {
        Long seen = local.put(signature, forgetAt);
        return seen == null || seen <= now;
      }
    }
  }

  /** Lets {@code signature} in once more: its request failed on our side and may be retried. */
  void forget(String signature) {
    synchronized (local) {
      local.remove(signature);
    }
    try {
      redis.del(key(signature));
    } catch (JedisException e) {
      log.warn("Redis unavailable ({}): a failed request stays marked as seen until it expires",
          e.getClass().getSimpleName());
    }
  }

  private static String key(String signature) {
    // "v0=" and 64 hex digits; the first 32 (128 bits) are as unique and half the memory.
    return Keys.shared("requests", "seen", signature.substring(3, 35));
  }
}
