package dev.rapport.pulse;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * The pulse in Redis. Answers exist only as counts per period, question and score; comments carry neither
 * a user id nor a time; who answered is a set of keyed hashes, in its own key, deleted when the period
 * closes. Nothing here ever holds a user id next to a score or a comment. No stored structure keeps the
 * order in which answers arrived: count fields are created up front in a fixed order, and the voter and
 * comment sets are sorted sets whose scores are all 0, so they are ordered by value (a keyed hash, a
 * random nonce).
 * <pre>
 * rapport:{team}:pulse:channels                 SET   channels that have (had) a pulse
 * rapport:{team}:pulse:{channel}:config         HASH  active -> 1|0, open -> id of the open period,
 *                                                     zone -> IANA zone, cadence -> how it reads
 * rapport:{team}:pulse:{channel}:managers       SET   user ids of the channel's managers (not answers)
 * rapport:{team}:pulse:{channel}:periods        ZSET  period id -> epoch ms it opened
 * rapport:{team}:pulse:{channel}:period:{p}:meta     HASH  state open|closed, opened, closes (planned),
 *                                                     closed (ms), invited, expires (epoch s); expires
 *                                                     after the retention (default 2 years)
 * rapport:{team}:pulse:{channel}:period:{p}:counts   HASH  responses -> n, {q}:{score} -> n for q in t,u,c,b
 *                                                     and score 1..5 (all created at 0 when the period
 *                                                     opens); expires with the meta
 * rapport:{team}:pulse:{channel}:period:{p}:comments ZSET  {random nonce}:{text} -> 0; expires with the meta
 * rapport:{team}:pulse:{channel}:period:{p}:voters   ZSET  HMAC(secret; voter|team|channel|period|user) -> 0;
 *                                                     deleted when the period closes, expires a week
 *                                                     after the planned close in any case
 * </pre>
 */
@Component
class PulseStore {

  /** What became of an answer. */
  enum Recorded { RECORDED, ALREADY_ANSWERED, NOT_OPEN }

  /** A channel's pulse settings as stored. */
  record Config(boolean active, String openPeriod, ZoneId zone, String cadence) {}

  private static final int NONCE_BYTES = 8;

  private final UnifiedJedis redis;
  private final LuaScript openScript = LuaScript.load("pulse-open");
  private final LuaScript answerScript = LuaScript.load("pulse-answer");
  private final LuaScript closeScript = LuaScript.load("pulse-close");
  private final SecureRandom random = new SecureRandom();

  PulseStore(UnifiedJedis redis) {
    this.redis = redis;
  }

  Config config(String team, String channel) {
    Map<String, String> raw = redis.hgetAll(configKey(team, channel));
    ZoneId zone = raw.containsKey("zone") ? ZoneId.of(raw.get("zone")) : ZoneOffset.UTC;
    return new Config("1".equals(raw.get("active")), raw.get("open"), zone, raw.get("cadence"));
  }

  void activate(String team, String channel, ZoneId zone, String cadence) {
    redis.hset(configKey(team, channel), Map.of("active", "1", "zone", zone.getId(), "cadence", cadence));
    redis.sadd(key(team, "channels"), channel);
  }

  void deactivate(String team, String channel) {
    redis.hset(configKey(team, channel), "active", "0");
  }

  Set<String> channels(String team) {
    return redis.smembers(key(team, "channels"));
  }

  Set<String> managers(String team, String channel) {
    return redis.smembers(key(team, channel, "managers"));
  }

  boolean isManager(String team, String channel, String user) {
    return redis.sismember(key(team, channel, "managers"), user);
  }

  boolean addManager(String team, String channel, String user) {
    redis.sadd(key(team, "channels"), channel);
    return redis.sadd(key(team, channel, "managers"), user) == 1;
  }

  boolean removeManager(String team, String channel, String user) {
    return redis.srem(key(team, channel, "managers"), user) == 1;
  }

  /** Opens {@code period} unless it exists; true when it was opened now. */
  boolean open(String team, String channel, Period period, Instant keepUntil) {
    List<String> args = new ArrayList<>(List.of(period.id(), String.valueOf(period.opened().toEpochMilli()),
        String.valueOf(period.closes().toEpochMilli()), String.valueOf(period.invited()),
        String.valueOf(keepUntil.getEpochSecond())));
    args.addAll(Question.allFields());
    Object opened = openScript.run(redis, List.of(configKey(team, channel), key(team, channel, "periods"),
        periodKey(team, channel, period.id(), "meta"), periodKey(team, channel, period.id(), "counts")), args);
    return Long.valueOf(1L).equals(opened);
  }

  /** Closes the period if it is open; true when it closed now. */
  boolean close(String team, String channel, String period, Instant now) {
    Object closed = closeScript.run(redis, List.of(configKey(team, channel),
        periodKey(team, channel, period, "meta"), periodKey(team, channel, period, "voters")),
        List.of(period, String.valueOf(now.toEpochMilli())));
    return Long.valueOf(1L).equals(closed);
  }

  Optional<Period> period(String team, String channel, String id) {
    return parse(id, redis.hgetAll(periodKey(team, channel, id, "meta")));
  }

  /** The latest {@code max} periods, oldest first; periods past their retention are dropped from the list. */
  List<Period> periods(String team, String channel, int max) {
    String list = key(team, channel, "periods");
    List<Period> periods = new ArrayList<>();
    for (String id : redis.zrevrange(list, 0, max - 1L)) {
      Optional<Period> period = period(team, channel, id);
      if (period.isPresent()) {
        periods.add(period.get());
      } else {
        redis.zrem(list, id);
      }
    }
    Collections.reverse(periods);
    return periods;
  }

  /**
   * Records one answer with the voter's hash, atomically. {@code scores} holds one score per question;
   * {@code comment} may be null.
   */
  Recorded answer(String team, String channel, String period, String voterHash, Map<Question, Integer> scores,
                  String comment, Instant votersExpireAt) {
    List<String> args = new ArrayList<>();
    args.add(voterHash);
    args.add(String.valueOf(votersExpireAt.getEpochSecond()));
    args.add(comment == null || comment.isBlank() ? "" : nonce() + ":" + comment);
    for (Question q : Question.values()) {
      args.add(q.field(scores.get(q)));
    }
    long outcome = (Long) answerScript.run(redis, List.of(periodKey(team, channel, period, "meta"),
        periodKey(team, channel, period, "voters"), periodKey(team, channel, period, "counts"),
        periodKey(team, channel, period, "comments")), args);
    if (outcome == -2) {
      throw new IllegalStateException("pulse counts of a period are incomplete");
    }
    return outcome == 1 ? Recorded.RECORDED : outcome == 0 ? Recorded.ALREADY_ANSWERED : Recorded.NOT_OPEN;
  }

  boolean hasAnswered(String team, String channel, String period, String voterHash) {
    return redis.zscore(periodKey(team, channel, period, "voters"), voterHash) != null;
  }

  /** Which of {@code voterHashes} are in the period's voter set. */
  Set<String> answered(String team, String channel, String period, List<String> voterHashes) {
    Set<String> answered = new HashSet<>();
    if (voterHashes.isEmpty()) {
      return answered;
    }
    List<Double> scores = redis.zmscore(periodKey(team, channel, period, "voters"),
        voterHashes.toArray(String[]::new));
    for (int i = 0; i < voterHashes.size(); i++) {
      if (scores.get(i) != null) {
        answered.add(voterHashes.get(i));
      }
    }
    return answered;
  }

  /**
   * What may be shown of {@code period} with threshold {@code k}: nothing while it is open, only its number
   * of answers when it has fewer than k, counts and comments (shuffled) otherwise.
   */
  PeriodResult result(String team, String channel, Period period, int k) {
    if (period.isOpen()) {
      return PeriodResult.hidden(period, 0);
    }
    Map<String, String> raw = redis.hgetAll(periodKey(team, channel, period.id(), "counts"));
    long responses = Long.parseLong(raw.getOrDefault("responses", "0"));
    if (responses < k) {
      return PeriodResult.hidden(period, responses);
    }
    List<long[]> counts = new ArrayList<>();
    for (Question q : Question.values()) {
      long[] c = new long[Question.MAX_SCORE - Question.MIN_SCORE + 1];
      for (int score = Question.MIN_SCORE; score <= Question.MAX_SCORE; score++) {
        c[score - Question.MIN_SCORE] = Long.parseLong(raw.getOrDefault(q.field(score), "0"));
      }
      counts.add(c);
    }
    List<String> comments = new ArrayList<>();
    for (String member : redis.zrange(periodKey(team, channel, period.id(), "comments"), 0, -1)) {
      int colon = member.indexOf(':');
      comments.add(colon < 0 ? member : member.substring(colon + 1));
    }
    // Shown in a fresh random order every time.
    Collections.shuffle(comments, random);
    return new PeriodResult(period, responses, true, counts, comments);
  }

  private String nonce() {
    byte[] bytes = new byte[NONCE_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Optional<Period> parse(String id, Map<String, String> meta) {
    if (meta.isEmpty() || !meta.containsKey("opened")) {
      return Optional.empty();
    }
    String closed = meta.get("closed");
    return Optional.of(new Period(id, Instant.ofEpochMilli(Long.parseLong(meta.get("opened"))),
        Instant.ofEpochMilli(Long.parseLong(meta.get("closes"))),
        "closed".equals(meta.get("state")) && closed != null ? Instant.ofEpochMilli(Long.parseLong(closed)) : null,
        Integer.parseInt(meta.getOrDefault("invited", "0"))));
  }

  private static String configKey(String team, String channel) {
    return key(team, channel, "config");
  }

  private static String key(String team, String... parts) {
    String[] all = new String[parts.length + 1];
    all[0] = "pulse";
    System.arraycopy(parts, 0, all, 1, parts.length);
    return Keys.team(team, all);
  }

  private static String periodKey(String team, String channel, String period, String part) {
    return key(team, channel, "period", period, part);
  }
}
