package dev.rapport.pairing;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import dev.rapport.store.StoredJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Rounds, their groups, and each person's own history. What happened after a round was formed (intros
 * landed, answers, check-ins) is in {@link RoundReplies}; trimming a round deletes that too.
 * <pre>
 * rapport:{team}:pairing:{channel}:rounds               ZSET  round id -> epoch ms it was formed (last 200)
 * rapport:{team}:pairing:{channel}:round:{id}           HASH  at, pool, groups (JSON lists of member ids),
 *                                                             leftOut (JSON list), firstMeetings, crossTeam,
 *                                                             crossTeamKnown, ends (epoch ms the cycle ends),
 *                                                             tallied, p:{index} -> where group {index} meets
 *                                                             and why (programs by office), and
 *                                                             g:{index} -> one group's member ids,
 *                                                             comma-separated (so a member's status or button
 *                                                             reads one group, not 5,000), recorded (once
 *                                                             members' histories are written)
 * rapport:{team}:pairing:history:{user}                 ZSET  channel|round|group -> epoch ms (last 50)
 * </pre>
 */
@Component
class RoundStore {

  static final int KEEP_ROUNDS = 200;
  static final int KEEP_HISTORY = 50;
  private static final TypeReference<List<List<String>>> GROUPS = new TypeReference<>() {};
  private static final TypeReference<List<String>> USERS = new TypeReference<>() {};

  private final UnifiedJedis redis;
  private final StoredJson json;
  private final LuaScript store = LuaScript.load("pairing/round-create");

  RoundStore(UnifiedJedis redis, StoredJson json) {
    this.redis = redis;
    this.json = json;
  }

  /**
   * Records a new round unless one with that id exists, and returns the round as stored. Crash-safe at
   * every step: the round itself (hash and place among the program's rounds) is one script, so it exists
   * whole or not at all; members' histories and trimming are idempotent and finished by {@link #record},
   * which a retry of the same occurrence calls again until the round is marked recorded.
   */
  Round create(String team, Round round) {
    List<String> args = new ArrayList<>(List.of(round.id(), String.valueOf(round.at().toEpochMilli()),
        "at", String.valueOf(round.at().toEpochMilli()), "pool", String.valueOf(round.pool()),
        "groups", json.write(round.groups()), "leftOut", json.write(round.leftOut()),
        "firstMeetings", String.valueOf(round.firstMeetings()), "crossTeam", String.valueOf(round.crossTeam()),
        "crossTeamKnown", String.valueOf(round.crossTeamKnown())));
    if (round.ends() != null) {
      args.addAll(List.of("ends", String.valueOf(round.ends().toEpochMilli())));
    }
    for (int g = 0; g < round.groups().size(); g++) {
      args.add("g:" + g);
      args.add(String.join(",", round.groups().get(g)));
      String place = round.place(g).orElse(null);
      if (place != null) {
        args.addAll(List.of("p:" + g, place));
      }
    }
    store.run(redis, List.of(key(team, round.channel(), round.id()), rounds(team, round.channel())), args);
    passed(Step.STORED);
    Round stored = find(team, round.channel(), round.id()).orElseThrow();
    record(team, stored);
    return stored;
  }

  /**
   * Finishes recording a stored round: each member's history, then trimming old rounds, then the mark
   * that says it is done. Every step may run twice (a crash before the mark); none does anything twice.
   */
  void record(String team, Round round) {
    String key = key(team, round.channel(), round.id());
    if (redis.hexists(key, "recorded")) {
      return;
    }
    // One pipeline per 500 people: a 10,000-member round is a handful of round trips, not 20,000.
    try (var pipeline = redis.pipelined()) {
      int queued = 0;
      for (int g = 0; g < round.groups().size(); g++) {
        for (String user : round.members(g)) {
          String history = Keys.team(team, "pairing", "history", user);
          pipeline.zadd(history, round.at().toEpochMilli(), new GroupRef(round.channel(), round.id(), g).encode());
          pipeline.zremrangeByRank(history, 0, -KEEP_HISTORY - 1);
          if (++queued % historyChunk == 0) {
            pipeline.sync();
            passed(Step.SOME_HISTORIES);
          }
        }
      }
      pipeline.sync();
    }
    passed(Step.HISTORIES);
    trimRounds(team, round.channel());
    passed(Step.TRIMMED);
    redis.hset(key, "recorded", "1");
    passed(Step.RECORDED);
  }

  /** The steps of forming a round, in order (a test can stop the process after any of them). */
  enum Step { TALLIED, STORED, SOME_HISTORIES, HISTORIES, TRIMMED, RECORDED, INTROS_QUEUED }

  /** Test seam: called after each {@link Step}; a test throws from it to crash a round there. */
  private volatile java.util.function.Consumer<Step> afterStep = step -> { };
  /** People whose histories go in one pipeline; small in tests that crash between two pipelines. */
  volatile int historyChunk = 500;

  void afterEachStep(java.util.function.Consumer<Step> hook) {
    afterStep = hook == null ? step -> { } : hook;
  }

  void passed(Step step) {
    afterStep.accept(step);
  }

  Optional<Round> find(String team, String channel, String id) {
    Map<String, String> f = redis.hgetAll(key(team, channel, id));
    if (!f.containsKey("groups") || !f.containsKey("at")) {
      return Optional.empty();
    }
    return Optional.of(new Round(channel, id, Instant.ofEpochMilli(Long.parseLong(f.get("at"))),
        Integer.parseInt(f.getOrDefault("pool", "0")), json.read(f.get("groups"), GROUPS), readList(f.get("leftOut")),
        Integer.parseInt(f.getOrDefault("firstMeetings", "0")), Integer.parseInt(f.getOrDefault("crossTeam", "0")),
        Integer.parseInt(f.getOrDefault("crossTeamKnown", "0")),
        f.containsKey("ends") ? Instant.ofEpochMilli(Long.parseLong(f.get("ends"))) : null,
        places(f)));
  }

  /** Where each group meets ({@code p:{index}}, programs by office), or empty when no group has a place. */
  private static List<String> places(Map<String, String> f) {
    List<String> places = new ArrayList<>();
    boolean any = false;
    for (int g = 0; f.containsKey("g:" + g); g++) {
      String place = f.get("p:" + g);
      any |= place != null;
      places.add(place == null ? "" : place);
    }
    return any ? places : List.of();
  }

  /** Group {@code index} of a round, read alone (rounds from before per-group fields are read whole). */
  Optional<RoundGroup> group(String team, String channel, String id, int index) {
    return group(team, channel, id, index, redis.hmget(key(team, channel, id), "at", "g:" + index, "p:" + index));
  }

  /** Group {@code ref} from its round's fields {@code at}, {@code g:{index}}, {@code p:{index}} read elsewhere. */
  Optional<RoundGroup> group(String team, GroupRef ref, List<String> fields) {
    return group(team, ref.channel(), ref.round(), ref.group(), fields);
  }

  private Optional<RoundGroup> group(String team, String channel, String id, int index, List<String> f) {
    if (f.get(0) == null) {
      return Optional.empty();
    }
    if (f.get(1) == null) {
      return find(team, channel, id).filter(r -> index < r.groups().size())
          .map(r -> new RoundGroup(r.at(), r.groups().get(index), r.place(index).orElse(null)));
    }
    return Optional.of(new RoundGroup(Instant.ofEpochMilli(Long.parseLong(f.get(0))), List.of(f.get(1).split(",")),
        f.get(2)));
  }

  /** The last {@code count} rounds of a program, oldest first. */
  List<Round> recent(String team, String channel, int count) {
    List<String> ids = new ArrayList<>(redis.zrevrange(Keys.team(team, "pairing", channel, "rounds"), 0, count - 1));
    Collections.reverse(ids);
    List<Round> rounds = new ArrayList<>();
    for (String id : ids) {
      find(team, channel, id).ifPresent(rounds::add);
    }
    return rounds;
  }

  long roundCount(String team, String channel) {
    return redis.zcard(Keys.team(team, "pairing", channel, "rounds"));
  }

  /** Marks a round's "ignored intros" as counted; true only the first time. */
  boolean markTallied(String team, String channel, String id) {
    return redis.hsetnx(key(team, channel, id), "tallied", "1") == 1;
  }

  /** {@code user}'s last groups, newest first: channel|round|group. */
  List<String> history(String team, String user, int count) {
    return redis.zrevrange(Keys.team(team, "pairing", "history", user), 0, count - 1);
  }

  /** Rewrites who a round names (forget-me replaces a member with {@link Round#FORGOTTEN}). */
  void rewrite(String team, String channel, String id, List<List<String>> groups, List<String> leftOut) {
    Map<String, String> fields = new java.util.HashMap<>();
    fields.put("groups", json.write(groups));
    fields.put("leftOut", json.write(leftOut));
    for (int g = 0; g < groups.size(); g++) {
      fields.put("g:" + g, String.join(",", groups.get(g)));
    }
    redis.hset(key(team, channel, id), fields);
  }

  private void trimRounds(String team, String channel) {
    String rounds = rounds(team, channel);
    List<String> old = redis.zrange(rounds, 0, -KEEP_ROUNDS - 1);
    for (String id : old) {
      String round = key(team, channel, id);
      List<String> keys = new ArrayList<>(RoundReplies.keys(round));
      keys.add(round);
      redis.del(keys.toArray(String[]::new));
      redis.zrem(rounds, id);
    }
  }

  private static String rounds(String team, String channel) {
    return Keys.team(team, "pairing", channel, "rounds");
  }

  static String key(String team, String channel, String id) {
    return Keys.team(team, "pairing", channel, "round", id);
  }

  private List<String> readList(String raw) {
    return raw == null ? List.of() : json.read(raw, USERS);
  }
}
