package dev.rapport.pulse;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * The pulse in Redis. While a period is open, Redis holds its answers only sealed (AES-256-GCM under the
 * period key), next to keyed hashes of who was invited and who answered; the period key itself is stored
 * only wrapped by {@code RAPPORT_PULSE_SECRET}. Redis can tell how many answers are sealed, nothing more.
 * When the period closes, the app opens and tallies the sealed answers, and one script writes the counts
 * and the comments (shuffled) once and deletes the sealed answers, the hashes and the wrapped key. After
 * that, nothing anywhere can link an answer, or the fact of answering, to a person.
 *
 * <p>No stored structure keeps the order in which answers arrived: the voter, invited and sealed sets are
 * sorted sets whose scores are all 0, so they are ordered by value (keyed hashes, random ciphertexts).
 * <pre>
 * rapport:{team}:pulse:channels                      SET   channels that have (had) a pulse
 * rapport:{team}:pulse:{channel}:config              HASH  active -> 1|0, open -> id of the open period,
 *                                                          zone -> IANA zone, cadence -> how it reads
 * rapport:{team}:pulse:{channel}:managers            SET   user ids of the channel's managers (not answers)
 * rapport:{team}:pulse:{channel}:periods             ZSET  period id -> epoch ms it opened
 * rapport:{team}:pulse:{channel}:period:{p}:meta     HASH  state open|closing|closed, opened, closes (planned),
 *                                                          closed (ms), invited (how many), expires (epoch s),
 *                                                          sealed -> 1 (absent on periods opened before
 *                                                          answers were sealed), secrets (epoch s the keys
 *                                                          below expire), withheld -> channel (differencing
 *                                                          guard, decided at close), early -> 1 (opened by
 *                                                          /pulse now: scheduled openings before its close
 *                                                          are skipped); expires after the
 *                                                          retention (default 2 years)
 * rapport:{team}:pulse:{channel}:period:{p}:key      STRING the period key, sealed under a key derived from
 *                                                          RAPPORT_PULSE_SECRET (associated data: team,
 *                                                          channel, period); deleted at close
 * rapport:{team}:pulse:{channel}:period:{p}:invited  ZSET  HMAC(period key; user) -> 0 for each person invited
 *                                                          when it opened; deleted at close
 * rapport:{team}:pulse:{channel}:period:{p}:voters   ZSET  HMAC(period key; user) -> 0 (another subkey) for
 *                                                          each person who answered; deleted at close
 * rapport:{team}:pulse:{channel}:period:{p}:sealed   ZSET  one sealed answer of fixed size (Base64) -> 0;
 *                                                          deleted at close
 * rapport:{team}:pulse:{channel}:period:{p}:landed   ZSET  where each invitation landed (person, DM, ts),
 *                                                          sealed under the period key -> 0; read when the
 *                                                          period closes, to update every invitation alike;
 *                                                          deleted at close
 *   (key, invited, voters, sealed and landed expire 30 days after the planned close in any case)
 * rapport:{team}:pulse:{channel}:period:{p}:members  SET   HMAC(workspace key from RAPPORT_PULSE_SECRET; user)
 *                                                          of each person invited: who was invited, never who
 *                                                          answered; for the differencing guard; expires
 *                                                          {@value #MEMBERS_DAYS} days after the period closes
 * rapport:{team}:pulse:{channel}:period:{p}:counts   HASH  written once at close: responses -> n,
 *                                                          {q}:{score} -> n for q in t,u,c,b and score 1..5;
 *                                                          expires with the meta
 * rapport:{team}:pulse:{channel}:period:{p}:comments ZSET  written once at close: {random nonce}:{text} -> 0;
 *                                                          expires with the meta
 * </pre>
 * Periods opened before answers were sealed have no key, invited, sealed or members; their counts and
 * comments were written as answers came; they close and report as before but take no more answers.
 */
@Component
class PulseStore {

  /** What opening a period did. */
  enum Opening { OPENED, EXISTED, ANOTHER_OPEN }

  /** What became of an answer. */
  enum Recorded { RECORDED, ALREADY_ANSWERED, NOT_OPEN, NOT_INVITED, UNSEALED_PERIOD }

  /** A channel's pulse settings as stored. */
  record Config(boolean active, String openPeriod, ZoneId zone, String cadence) {}

  /**
   * What answering a period needs to know, read together: the channel's config (null when the period was
   * named, as by the DM button), the period (null when there is none) and its wrapped key (null when none).
   */
  record Asked(Config config, Period period, String wrappedKey) {}

  /** Whether someone was invited to a period and whether they answered it. */
  record Standing(boolean invited, boolean answered) {}

  /** An overlapping period of another channel, which the differencing guard compares at close. */
  record Overlap(String channel, String period) {}

  /** The totals of a period, tallied by the app from its sealed answers. */
  record Totals(long responses, List<long[]> counts, List<String> comments) {}

  static final int MEMBERS_DAYS = 90;
  private static final int NONCE_BYTES = 8;
  /** Periods per other channel looked at for an overlap: consecutive periods of a channel never overlap. */
  private static final int OVERLAP_LOOKBACK = 4;

  private final UnifiedJedis redis;
  private final LuaScript openScript = LuaScript.load("pulse/open");
  private final LuaScript answerScript = LuaScript.load("pulse/answer");
  private final LuaScript closingScript = LuaScript.load("pulse/closing");
  private final LuaScript closeScript = LuaScript.load("pulse/close");
  private final LuaScript landedScript = LuaScript.load("pulse/landed");
  private final LuaScript rescheduleScript = LuaScript.load("pulse/reschedule");
  private final LuaScript askingScript = LuaScript.load("pulse/asking");
  private final SecureRandom random = new SecureRandom();

  PulseStore(UnifiedJedis redis) {
    this.redis = redis;
  }

  Config config(String team, String channel) {
    return config(redis.hgetAll(configKey(team, channel)));
  }

  private static Config config(Map<String, String> raw) {
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

  /**
   * Opens {@code period} unless it exists, with its wrapped key, the invited hashes and the membership
   * digests (one per person, each list sent in value order: {@link #inValueOrder}). {@code sawOpen} is the
   * period the caller saw open (and closed) before, or null: if another period opened meanwhile, nothing is
   * written, so periods of a channel never overlap.
   */
  Opening open(String team, String channel, String sawOpen, Period period, Instant keepUntil, Instant secretsExpire,
               String wrappedKey, List<String> invited, List<String> members) {
    if (invited.size() != members.size()) {
      throw new IllegalArgumentException("one membership digest per invited person");
    }
    List<String> args = new ArrayList<>(List.of(period.id(), String.valueOf(period.opened().toEpochMilli()),
        String.valueOf(period.closes().toEpochMilli()), String.valueOf(invited.size()),
        String.valueOf(keepUntil.getEpochSecond()), String.valueOf(secretsExpire.getEpochSecond()),
        String.valueOf(period.closes().plus(Duration.ofDays(MEMBERS_DAYS)).getEpochSecond()), wrappedKey,
        sawOpen == null ? "" : sawOpen, period.early() ? "1" : ""));
    args.addAll(inValueOrder(invited));
    args.addAll(inValueOrder(members));
    Object opened = openScript.run(redis, List.of(configKey(team, channel), key(team, channel, "periods"),
        periodKey(team, channel, period.id(), "meta"), periodKey(team, channel, period.id(), "key"),
        periodKey(team, channel, period.id(), "invited"), periodKey(team, channel, period.id(), "members")), args);
    long outcome = (Long) opened;
    return outcome == 1 ? Opening.OPENED : outcome == 0 ? Opening.EXISTED : Opening.ANOTHER_OPEN;
  }

  /**
   * The open period now closes at {@code closes} (the cadence changed); its secrets live until at least
   * {@code secretsExpire}. False when it isn't open.
   */
  boolean reschedule(String team, String channel, String period, Instant closes, Instant secretsExpire) {
    Object changed = rescheduleScript.run(redis, List.of(periodKey(team, channel, period, "meta"),
        periodKey(team, channel, period, "key"), periodKey(team, channel, period, "invited"),
        periodKey(team, channel, period, "voters"), periodKey(team, channel, period, "sealed"),
        periodKey(team, channel, period, "landed")),
        List.of(String.valueOf(closes.toEpochMilli()), String.valueOf(secretsExpire.getEpochSecond())));
    return Long.valueOf(1L).equals(changed);
  }

  /** Keeps where an invitation landed (sealed) while the period is open; false once it began closing. */
  boolean landed(String team, String channel, String period, String sealedLanding) {
    Object kept = landedScript.run(redis, List.of(periodKey(team, channel, period, "meta"),
        periodKey(team, channel, period, "landed")), List.of(sealedLanding));
    return Long.valueOf(1L).equals(kept);
  }

  /** Where the period's invitations landed, sealed. */
  List<String> landings(String team, String channel, String period) {
    return redis.zrange(periodKey(team, channel, period, "landed"), 0, -1);
  }

  /** Forget-me: one landed invitation (as sealed) is no longer kept. */
  void forgetLanding(String team, String channel, String period, String sealedLanding) {
    redis.zrem(periodKey(team, channel, period, "landed"), sealedLanding);
  }

  /** The period key as stored (wrapped), or null when there is none (closed, or opened before sealing). */
  String wrappedKey(String team, String channel, String period) {
    return redis.get(periodKey(team, channel, period, "key"));
  }

  /** Records one sealed answer with the voter's hash, atomically, if the person was invited. */
  Recorded answer(String team, String channel, String period, String invitedHash, String voterHash,
                  String sealed) {
    long outcome = (Long) answerScript.run(redis, List.of(periodKey(team, channel, period, "meta"),
        periodKey(team, channel, period, "invited"), periodKey(team, channel, period, "voters"),
        periodKey(team, channel, period, "sealed")), List.of(invitedHash, voterHash, sealed));
    return switch ((int) outcome) {
      case 1 -> Recorded.RECORDED;
      case 0 -> Recorded.ALREADY_ANSWERED;
      case -3 -> Recorded.NOT_INVITED;
      case -4 -> Recorded.UNSEALED_PERIOD;
      default -> Recorded.NOT_OPEN;
    };
  }

  /**
   * The channel's config and, if a period is open, its meta and wrapped key: one round trip (a script that
   * only reads), for someone asking to answer.
   */
  Asked asking(String team, String channel) {
    List<?> read = (List<?>) askingScript.run(redis, List.of(configKey(team, channel)),
        List.of(key(team, channel, "period") + ":"));
    Config config = config(fields(read.get(0)));
    String open = config.openPeriod();
    return new Asked(config, open == null ? null : parse(open, fields(read.get(1))).orElse(null),
        read.size() > 2 ? (String) read.get(2) : null);
  }

  /** {@code period}'s meta and wrapped key: one round trip, for someone asking to answer it. */
  Asked asking(String team, String channel, String period) {
    Response<Map<String, String>> meta;
    Response<String> wrapped;
    try (PipelineBase pipeline = redis.pipelined()) {
      meta = pipeline.hgetAll(periodKey(team, channel, period, "meta"));
      wrapped = pipeline.get(periodKey(team, channel, period, "key"));
      pipeline.sync();
    }
    return new Asked(null, parse(period, meta.get()).orElse(null), wrapped.get());
  }

  /** Whether the invited and voter hashes are in the period's sets: one round trip. */
  Standing standing(String team, String channel, String period, String invitedHash, String voterHash) {
    Response<Double> invited;
    Response<Double> answered;
    try (PipelineBase pipeline = redis.pipelined()) {
      invited = pipeline.zscore(periodKey(team, channel, period, "invited"), invitedHash);
      answered = pipeline.zscore(periodKey(team, channel, period, "voters"), voterHash);
      pipeline.sync();
    }
    return new Standing(invited.get() != null, answered.get() != null);
  }

  /**
   * {@link #standing} for a request that also reads keys naming the person (App Home reads their coffee
   * history, whether they manage a pulse): the period's invited and voter sets are read whole and looked up
   * here, so no command Redis sees (MONITOR) carries this person's hashes next to their id.
   */
  Standing standingFromWholeSets(String team, String channel, String period, String invitedHash,
                                 String voterHash) {
    Response<List<String>> invited;
    Response<List<String>> voters;
    try (PipelineBase pipeline = redis.pipelined()) {
      invited = pipeline.zrange(periodKey(team, channel, period, "invited"), 0, -1);
      voters = pipeline.zrange(periodKey(team, channel, period, "voters"), 0, -1);
      pipeline.sync();
    }
    return new Standing(invited.get().contains(invitedHash), voters.get().contains(voterHash));
  }

  /** A flat field, value, ... reply of HGETALL inside a script, as a map. */
  private static Map<String, String> fields(Object reply) {
    List<?> flat = (List<?>) reply;
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      map.put((String) flat.get(i), (String) flat.get(i + 1));
    }
    return map;
  }

  /** Which of {@code hashes} are in the period's invited set. */
  Set<String> invited(String team, String channel, String period, List<String> hashes) {
    return members(periodKey(team, channel, period, "invited"), hashes);
  }

  /** Which of {@code hashes} are in the period's voter set. */
  Set<String> answered(String team, String channel, String period, List<String> hashes) {
    return members(periodKey(team, channel, period, "voters"), hashes);
  }

  private Set<String> members(String key, List<String> hashes) {
    Set<String> found = new HashSet<>();
    if (hashes.isEmpty()) {
      return found;
    }
    List<String> sent = inValueOrder(hashes);
    List<Double> scores = redis.zmscore(key, sent.toArray(String[]::new));
    for (int i = 0; i < sent.size(); i++) {
      if (scores.get(i) != null) {
        found.add(sent.get(i));
      }
    }
    return found;
  }

  /**
   * Hashes of several people as Redis is sent them: in value order, as the sets keep them. Callers list people
   * in the channel's order, the order their invitations and reminders are queued in (each naming its
   * recipient), so hashes sent in the callers' order would pair each person with their hash by position in
   * Redis's history (the append-only file, replicas, {@code MONITOR}).
   */
  private static List<String> inValueOrder(List<String> hashes) {
    return hashes.stream().sorted().toList();
  }

  /** Stops the period taking answers; the state it had before (empty when there is no such period). */
  Optional<Period.State> beginClosing(String team, String channel, String period) {
    Object before = closingScript.run(redis, List.of(periodKey(team, channel, period, "meta")), List.of());
    return before instanceof String state ? Optional.of(Period.State.valueOf(state.toUpperCase(Locale.ROOT)))
        : Optional.empty();
  }

  /** Every sealed answer of the period. */
  List<String> sealedAnswers(String team, String channel, String period) {
    return redis.zrange(periodKey(team, channel, period, "sealed"), 0, -1);
  }

  /**
   * Writes the totals once, decides the differencing guard against {@code overlaps}, and deletes every key
   * that could link a person to an answer. {@code sealedRead} is how many sealed answers were tallied.
   * Returns 1 when it closed now, 0 when it was closed already, -2 when the sealed answers changed since
   * they were read (tally again).
   */
  long finishClosing(String team, String channel, String period, Instant now, int sealedRead, Totals totals,
                     List<Overlap> overlaps, int k) {
    List<String> keys = new ArrayList<>(List.of(configKey(team, channel)));
    for (String part : List.of("meta", "key", "invited", "voters", "sealed", "counts", "comments", "members",
        "landed")) {
      keys.add(periodKey(team, channel, period, part));
    }
    List<String> counts = new ArrayList<>(List.of("responses", String.valueOf(totals.responses())));
    for (Question q : Question.values()) {
      for (int score = Question.MIN_SCORE; score <= Question.MAX_SCORE; score++) {
        counts.add(q.field(score));
        counts.add(String.valueOf(totals.counts().get(q.ordinal())[score - Question.MIN_SCORE]));
      }
    }
    List<String> args = new ArrayList<>(List.of(period, String.valueOf(now.toEpochMilli()),
        String.valueOf(sealedRead), String.valueOf(k),
        String.valueOf(now.plus(Duration.ofDays(MEMBERS_DAYS)).getEpochSecond()), String.valueOf(overlaps.size()),
        String.valueOf(counts.size() / 2)));
    for (Overlap overlap : overlaps) {
      keys.add(periodKey(team, overlap.channel(), overlap.period(), "meta"));
      keys.add(periodKey(team, overlap.channel(), overlap.period(), "members"));
      args.add(overlap.channel());
    }
    args.addAll(counts);
    // The order given is the order written: already shuffled, each with a random nonce to keep equal
    // comments apart.
    totals.comments().forEach(comment -> args.add(nonce() + ":" + comment));
    return (Long) closeScript.run(redis, keys, args);
  }

  /**
   * Periods of other channels of the workspace that overlap {@code period} (open at some moment while it
   * was) and whose number of invited people is within k of its own: the candidates of the differencing
   * guard. Members differing by k or more can't be compared closer than that, so the rest are skipped here.
   */
  List<Overlap> overlaps(String team, String channel, Period period, Instant end, int k) {
    List<Overlap> overlaps = new ArrayList<>();
    for (String other : channels(team)) {
      if (other.equals(channel)) {
        continue;
      }
      for (String id : redis.zrevrangeByScore(key(team, other, "periods"), end.toEpochMilli(), Double.NEGATIVE_INFINITY,
          0, OVERLAP_LOOKBACK)) {
        Period candidate = period(team, other, id).orElse(null);
        if (candidate == null) {
          continue;
        }
        if (candidate.isClosed() && candidate.closed().isBefore(period.opened())) {
          break;
        }
        if (candidate.sealed() && Math.abs(candidate.invited() - period.invited()) < k) {
          overlaps.add(new Overlap(other, id));
        }
      }
    }
    return overlaps;
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
   * What may be shown of {@code period} with threshold {@code k} ({@link PeriodResult#of} decides), without
   * its comments: for the chart, the CSV, the Home tab and the dashboard, which show none (a period may hold
   * a thousand of them). Counts are read only when some of them may be shown.
   */
  PeriodResult result(String team, String channel, Period period, int k) {
    return result(team, channel, period, k, false);
  }

  /** {@link #result}, with the comments (in a fresh random order), for the report. */
  PeriodResult resultWithComments(String team, String channel, Period period, int k) {
    return result(team, channel, period, k, true);
  }

  private PeriodResult result(String team, String channel, Period period, int k, boolean withComments) {
    if (!period.isClosed() || period.withheldBy() != null) {
      return PeriodResult.of(period, 0, List.of(), List.of(), k);
    }
    Map<String, String> raw = redis.hgetAll(periodKey(team, channel, period.id(), "counts"));
    long responses = Long.parseLong(raw.getOrDefault("responses", "0"));
    if (responses < k) {
      return PeriodResult.of(period, responses, List.of(), List.of(), k);
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
    if (withComments) {
      for (String member : redis.zrange(periodKey(team, channel, period.id(), "comments"), 0, -1)) {
        int colon = member.indexOf(':');
        comments.add(colon < 0 ? member : member.substring(colon + 1));
      }
      // Shown in a fresh random order every time.
      Collections.shuffle(comments, random);
    }
    return PeriodResult.of(period, responses, counts, comments, k);
  }

  /**
   * Forget-me: a person's membership digest leaves every period of the channel that may still have one
   * (opened within the digests' lifetime plus the longest a period stays open).
   */
  void forgetMember(String team, String channel, String memberDigest, Instant now) {
    long since = now.minus(Duration.ofDays(2L * MEMBERS_DAYS)).toEpochMilli();
    for (String id : redis.zrangeByScore(key(team, channel, "periods"), since, Double.POSITIVE_INFINITY)) {
      redis.srem(periodKey(team, channel, id, "members"), memberDigest);
    }
  }

  /** Forget-me in an open period: no longer invited (their answer, if any, stays). */
  void uninvite(String team, String channel, String period, String invitedHash) {
    redis.zrem(periodKey(team, channel, period, "invited"), invitedHash);
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
    Period.State state = switch (meta.getOrDefault("state", "open")) {
      case "closed" -> Period.State.CLOSED;
      case "closing" -> Period.State.CLOSING;
      default -> Period.State.OPEN;
    };
    String closed = meta.get("closed");
    return Optional.of(new Period(id, Instant.ofEpochMilli(Long.parseLong(meta.get("opened"))),
        Instant.ofEpochMilli(Long.parseLong(meta.get("closes"))),
        state == Period.State.CLOSED ? Instant.ofEpochMilli(Long.parseLong(closed)) : null,
        Integer.parseInt(meta.getOrDefault("invited", "0")), state, "1".equals(meta.get("sealed")),
        meta.get("withheld"), "1".equals(meta.get("early"))));
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
