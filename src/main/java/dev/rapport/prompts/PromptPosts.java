package dev.rapport.prompts;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * Posted prompts and how people engaged with them: counts only, never what anyone wrote, and who replied
 * only as a distinct count (a HyperLogLog).
 * <pre>
 * rapport:{team}:prompts:post:{channel}:{ts}                HASH  prompt, strategy, week, replies, reactions;
 *                                                                 expires after {@link #KEEP_POSTS}
 * rapport:{team}:prompts:post:{channel}:{ts}:counted        SET   what was counted: "reply:" + reply ts, and
 *                                                                 "reaction:" + a digest of who reacted with
 *                                                                 what on this post (never the person's id,
 *                                                                 but unkeyed: recomputable from a member and
 *                                                                 emoji list, as Slack shows reactions to the
 *                                                                 channel anyway); expires with the post
 * rapport:{team}:prompts:stats:{week}:{strategy}            HASH  posted, replies, reactions
 * rapport:{team}:prompts:stats:{week}:{strategy}:top        ZSET  prompt id -> replies
 * rapport:{team}:prompts:stats:{week}:{strategy}:repliers   HLL   who replied (distinct count only)
 * rapport:{team}:prompts:cstats:{channel}:{week}:{strategy}            HASH  the same three, of one channel
 * rapport:{team}:prompts:cstats:{channel}:{week}:{strategy}:top        ZSET
 * rapport:{team}:prompts:cstats:{channel}:{week}:{strategy}:repliers   HLL
 * </pre>
 * {@code week} is the Monday (UTC, yyyy-mm-dd) of the week the prompt was posted; its replies and reactions
 * count towards that week. Week keys expire after {@link #KEEP_STATS}, the 8 weeks stats show plus margin.
 * A removed reaction counts down (once, never below zero); one counted before reactions were told apart by
 * who made them (they were counted by event) stays counted.
 */
@Component
class PromptPosts {

  static final int WEEKS = 8;
  static final Duration KEEP_POSTS = Duration.ofDays(7L * (WEEKS + 1));
  static final Duration KEEP_STATS = Duration.ofDays(7L * (WEEKS + 2));

  /** A prompt and the replies it drew. */
  record Top(String promptId, long replies) {}

  /** One strategy over the weeks asked for. */
  record StrategyStats(Strategy strategy, long posted, long replies, long repliers, long reactions,
                       List<Top> top) {}

  private final UnifiedJedis redis;
  private final Clock clock;
  private final LuaScript posted = LuaScript.load("prompts/posted");
  private final LuaScript engage = LuaScript.load("prompts/engage");
  private final LuaScript unreact = LuaScript.load("prompts/unreact");

  PromptPosts(UnifiedJedis redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** Remembers that {@code prompt} landed at {@code channel}/{@code ts}; false if it already was. */
  boolean recordPosted(String team, String channel, String ts, Prompt prompt) {
    String week = thisWeek().toString();
    Object done = posted.run(redis, List.of(post(team, channel, ts), stats(team, null, week, prompt.strategy()),
            stats(team, channel, week, prompt.strategy())),
        List.of(prompt.id(), prompt.strategy().id(), week, String.valueOf(KEEP_POSTS.toSeconds()),
            String.valueOf(KEEP_STATS.toSeconds())));
    return Long.valueOf(1).equals(done);
  }

  /** Counts a reply in the thread of {@code threadTs}, if that is a prompt; false if not or already. */
  boolean countReply(String team, String channel, String threadTs, String replyTs, String user) {
    return count(team, channel, threadTs, "replies", "reply:" + replyTs, user);
  }

  /**
   * Counts {@code user}'s {@code reaction} on the message {@code ts}, if that is a prompt; false if not or
   * already (Slack lets a person add each reaction once).
   */
  boolean countReaction(String team, String channel, String ts, String user, String reaction) {
    return count(team, channel, ts, "reactions", reactionId(channel, ts, user, reaction), "");
  }

  /** Uncounts a reaction removed from a prompt, if it was counted; false if not. */
  boolean uncountReaction(String team, String channel, String ts, String user, String reaction) {
    String key = post(team, channel, ts);
    Post post = post(key);
    if (post == null) {
      return false;
    }
    Object done = unreact.run(redis, List.of(key, key + ":counted", stats(team, null, post.week(), post.strategy()),
        stats(team, channel, post.week(), post.strategy())), List.of(reactionId(channel, ts, user, reaction)));
    return Long.valueOf(1).equals(done);
  }

  private record Post(String prompt, Strategy strategy, String week) {}

  /** The post kept under {@code key}, or null when that is no prompt (or no longer kept). */
  private Post post(String key) {
    List<String> post = redis.hmget(key, "prompt", "strategy", "week");
    Strategy strategy = Strategy.parse(post.get(1)).orElse(null);
    return post.get(0) == null || post.get(2) == null || strategy == null ? null
        : new Post(post.get(0), strategy, post.get(2));
  }

  private boolean count(String team, String channel, String ts, String kind, String id, String user) {
    String key = post(team, channel, ts);
    Post post = post(key);
    if (post == null) {
      return false;
    }
    String all = stats(team, null, post.week(), post.strategy());
    String here = stats(team, channel, post.week(), post.strategy());
    Object done = engage.run(redis, List.of(key, key + ":counted", all, all + ":top", all + ":repliers", here,
            here + ":top", here + ":repliers"),
        List.of(kind, id, post.prompt(), user, String.valueOf(KEEP_STATS.toSeconds())));
    return Long.valueOf(1).equals(done);
  }

  /**
   * Who reacted with what on one post, as a digest: enough to count each reaction once and to uncount it,
   * without keeping who reacted.
   */
  private static String reactionId(String channel, String ts, String user, String reaction) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((channel + "|" + ts + "|" + user + "|" + reaction)
          .getBytes(StandardCharsets.UTF_8));
      return "reaction:" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Per strategy, over the last {@code weeks} weeks (this one included), in {@code channel} or (null) everywhere. */
  List<StrategyStats> lastWeeks(String team, String channel, int weeks) {
    List<String> mondays = new ArrayList<>();
    for (int i = 0; i < weeks; i++) {
      mondays.add(thisWeek().minusWeeks(i).toString());
    }
    List<StrategyStats> all = new ArrayList<>();
    for (Strategy strategy : Strategy.values()) {
      long postedCount = 0;
      long replies = 0;
      long reactions = 0;
      Map<String, Long> byPrompt = new HashMap<>();
      List<String> hlls = new ArrayList<>();
      for (String week : mondays) {
        String key = stats(team, channel, week, strategy);
        Map<String, String> counts = redis.hgetAll(key);
        postedCount += number(counts.get("posted"));
        replies += number(counts.get("replies"));
        reactions += number(counts.get("reactions"));
        for (Tuple t : redis.zrangeWithScores(key + ":top", 0, -1)) {
          byPrompt.merge(t.getElement(), (long) t.getScore(), Long::sum);
        }
        hlls.add(key + ":repliers");
      }
      long repliers = redis.pfcount(hlls.toArray(String[]::new));
      List<Top> top = byPrompt.entrySet().stream().filter(e -> e.getValue() > 0)
          .map(e -> new Top(e.getKey(), e.getValue()))
          .sorted(Comparator.comparingLong(Top::replies).reversed().thenComparing(Top::promptId))
          .limit(3).toList();
      all.add(new StrategyStats(strategy, postedCount, replies, repliers, reactions, top));
    }
    return all;
  }

  /** The Monday (UTC) of the current week. */
  LocalDate thisWeek() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static long number(String value) {
    return value == null ? 0 : Long.parseLong(value);
  }

  private static String post(String team, String channel, String ts) {
    return Keys.team(team, "prompts", "post", channel, ts);
  }

  private static String stats(String team, String channel, String week, Strategy strategy) {
    return channel == null ? Keys.team(team, "prompts", "stats", week, strategy.id())
        : Keys.team(team, "prompts", "cstats", channel, week, strategy.id());
  }
}
