package dev.rapport.insights;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZAddParams;

/**
 * Lasting ties: who is to be asked "Have you talked with them since?" and when, and what they answered.
 * Each person is asked once per group they said they met in.
 * <pre>
 * rapport:{team}:insights:tie-asks          ZSET  channel|round|group|user -> epoch ms the question is due
 * rapport:{team}:insights:ties:{channel}    HASH  round|group|user -> asked | yes | no; expires 400 days after
 *                                                 the last question
 * </pre>
 */
@org.springframework.stereotype.Component
class TieStore {

  static final Duration KEEP = Duration.ofDays(400);

  /** One question: the group someone met in, and that person. */
  record Ask(String channel, String round, int group, String user) {

    String encode() {
      return channel + "|" + field();
    }

    String field() {
      return round + "|" + group + "|" + user;
    }

    /** The button's value: the group, never the person (the clicker is the person). */
    String buttonValue() {
      return channel + "|" + round + "|" + group;
    }

    static Optional<Ask> parse(String text) {
      String[] p = text.split("\\|");
      if (p.length != 4 || p[0].isEmpty() || p[1].isEmpty() || !p[2].matches("\\d{1,5}") || p[3].isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Ask(p[0], p[1], Integer.parseInt(p[2]), p[3]));
    }
  }

  /** A program's answers: asked (all questions sent), yes, no. */
  record Counts(int asked, int yes, int no) {}

  private final UnifiedJedis redis;
  private final LuaScript asked = LuaScript.load("insights/tie-asked");
  private final LuaScript answer = LuaScript.load("insights/tie-answer");

  TieStore(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** Books the question unless it is booked or was asked already; true when booked now. */
  boolean book(String team, Ask ask, Instant due) {
    if (redis.hexists(ties(team, ask.channel()), ask.field())) {
      return false;
    }
    return redis.zadd(asks(team), due.toEpochMilli(), ask.encode(),
        ZAddParams.zAddParams().nx()) == 1;
  }

  /** Takes back a question not asked yet (the person said "Not this time" after all). */
  void unbook(String team, Ask ask) {
    redis.zrem(asks(team), ask.encode());
  }

  /** Questions due by {@code now}, at most {@code max}. */
  List<Ask> due(String team, Instant now, int max) {
    return redis.zrangeByScore(asks(team), 0, now.toEpochMilli(), 0, max).stream()
        .map(Ask::parse).flatMap(Optional::stream).toList();
  }

  void markAsked(String team, Ask ask, Instant now) {
    asked.run(redis, List.of(asks(team), ties(team, ask.channel())),
        List.of(ask.encode(), ask.field(), String.valueOf(now.plus(KEEP).toEpochMilli())));
  }

  /** Records the first answer; returns what was there before (empty: never asked). */
  Optional<String> answer(String team, Ask ask, boolean yes) {
    Object before = answer.run(redis, List.of(ties(team, ask.channel())), List.of(ask.field(), yes ? "yes" : "no"));
    return Optional.ofNullable(before).map(Object::toString);
  }

  Counts counts(String team, String channel) {
    int asked = 0;
    int yes = 0;
    int no = 0;
    for (String value : redis.hvals(ties(team, channel))) {
      asked++;
      yes += value.equals("yes") ? 1 : 0;
      no += value.equals("no") ? 1 : 0;
    }
    return new Counts(asked, yes, no);
  }

  static String asks(String team) {
    return Keys.team(team, "insights", "tie-asks");
  }

  static String ties(String team, String channel) {
    return Keys.team(team, "insights", "ties", channel);
  }
}
