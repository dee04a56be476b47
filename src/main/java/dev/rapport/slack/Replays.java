package dev.rapport.slack;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Signed requests already let in, so the same signed bytes sent again while their timestamp is still within
 * the 5-minute window are refused: a captured command, button click or modal submission can't be played
 * twice. An event delivery is remembered under its {@code event_id} instead, with its signature as the
 * value, so one round trip tells a replay (the same bytes: refused) from Slack's retry (the same event,
 * signed anew: acknowledged, not handled again) and from a new event: before, an event cost a replay check
 * and then an event_id dedupe, two round trips per event of every channel the app is in. Each request
 * received leaves a random mark of its own (the attempt): when a reply is lost with its connection and the
 * client runs the check once more, the request finds its own mark and is let in, not refused as a replay of
 * itself (which lost the event: Slack's retry then counted as a redelivery).
 * <pre>
 * rapport:{requests}:seen:{signature}   STRING  the attempt that let it in (random, one per request received),
 *                                               expires when the signature's timestamp has left the window
 *                                               (+{@link #MARGIN_SECONDS} s for clocks of replicas)
 * rapport:{team}:events:seen:{event_id} STRING  {digest}:{attempt}: the first 128 bits of the signature of the
 *                                               delivery let in, and the attempt; expires after
 *                                               {@link EventDedupe#REMEMBER} ({@link EventDedupe} documents the
 *                                               key; Socket Mode writes "1")
 * </pre>
 * A request we answered with a 5xx is forgotten again ({@link #forget}), so Slack's retry of it (or the
 * same bytes again) is let in. While Redis is unreachable, signatures are remembered in this instance's
 * memory instead (at most {@link #LOCAL_LIMIT}, oldest dropped first), so a replay to the same instance is
 * still refused; another replica can't tell, but nothing stored can change while Redis is down. Events then
 * get 503 (see {@link #check}), as they did when the dedupe was a step of its own.
 */
final class Replays {

  static final long MARGIN_SECONDS = 60;
  static final int LOCAL_LIMIT = 50_000;

  /** What a verified request is: new, the same bytes again, or an event Slack delivered again. */
  enum Seen { FIRST, REPLAYED, REDELIVERED }

  /** An event delivery's workspace and {@code event_id}. */
  record EventId(String team, String id) {}

  private static final Logger log = LoggerFactory.getLogger(Replays.class);

  private final UnifiedJedis redis;
  private final Clock clock;
  private final LuaScript seenScript = LuaScript.load("slack/seen");
  /** key -> epoch second it may be forgotten; only written while Redis is unreachable. */
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

  /**
   * Whether {@code signature} (made at {@code timestamp}) was let in before, or, for an event delivery
   * ({@code event} not null), whether its event was; remembers it either way.
   *
   * @throws JedisException for an event while Redis is unreachable: only Redis can tell Slack's retries
   *     apart across instances, so the delivery is answered 503 and Slack delivers it again later
   */
  Seen check(String signature, long timestamp, EventId event) {
    // This request's own mark: if the reply is lost with the connection, the client runs the check once more
    // (StaleConnectionRetry), and finding its own mark is not a replay. Unique, not secret: we make it.
    String attempt = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return event == null ? request(signature, timestamp, attempt) : event(signature, event, attempt);
  }

  private Seen event(String signature, EventId event, String attempt) {
    Object seen = seenScript.run(redis, List.of(EventDedupe.key(event.team(), event.id())),
        List.of(digest(signature), String.valueOf(EventDedupe.REMEMBER.toSeconds()), attempt));
    return switch ((String) seen) {
      case "first" -> Seen.FIRST;
      case "replayed" -> Seen.REPLAYED;
      default -> Seen.REDELIVERED;
    };
  }

  private Seen request(String signature, long timestamp, String attempt) {
    long now = clock.instant().getEpochSecond();
    long forgetAt = timestamp + Signatures.MAX_SKEW_SECONDS + MARGIN_SECONDS;
    String key = key(signature, null);
    synchronized (local) {
      Long seen = local.get(key);
      if (seen != null && seen > now) {
        return Seen.REPLAYED;
      }
    }
    try {
      if (redis.set(key, attempt, SetParams.setParams().nx().ex(Math.max(1, forgetAt - now))) != null) {
        return Seen.FIRST;
      }
    } catch (JedisException e) {
      log.warn("Redis unavailable ({}): remembering a request's signature in memory", e.getClass().getSimpleName());
      synchronized (local) {
        Long seen = local.put(key, forgetAt);
        return seen == null || seen <= now ? Seen.FIRST : Seen.REPLAYED;
      }
    }
    try {
      return attempt.equals(redis.get(key)) ? Seen.FIRST : Seen.REPLAYED; // our own mark: a retry of ours
    } catch (JedisException e) {
      return Seen.REPLAYED; // Redis has it and can't say whose: refused (409) rather than let a replay in
    }
  }

  /** Lets the request in once more: it failed on our side and may be retried. */
  void forget(String signature, EventId event) {
    String key = key(signature, event);
    synchronized (local) {
      local.remove(key);
    }
    try {
      redis.del(key);
    } catch (JedisException e) {
      log.warn("Redis unavailable ({}): a failed request stays marked as seen until it expires",
          e.getClass().getSimpleName());
    }
  }

  private static String key(String signature, EventId event) {
    return event == null ? Keys.shared("requests", "seen", digest(signature))
        : EventDedupe.key(event.team(), event.id());
  }

  /** "v0=" and 64 hex digits; the first 32 (128 bits) are as unique and half the memory. */
  private static String digest(String signature) {
    return signature.substring(3, 35);
  }
}
