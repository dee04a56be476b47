package dev.rapport.pairing;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rapport.slack.MessageRef;
import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import dev.rapport.store.StoredJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Rounds, their groups and outcomes, and each person's own history.
 * <pre>
 * rapport:{team}:pairing:{channel}:rounds               ZSET  round id -> epoch ms it was formed (last 200)
 * rapport:{team}:pairing:{channel}:round:{id}           HASH  at, pool, groups (JSON lists of member ids),
 *                                                             leftOut (JSON list), firstMeetings, crossTeam,
 *                                                             crossTeamKnown, ends (epoch ms the cycle ends),
 *                                                             tallied, and g:{index} -> one group's member ids,
 *                                                             comma-separated (so a member's status or button
 *                                                             reads one group, not 5,000), recorded (once
 *                                                             members' histories are written)
 * rapport:{team}:pairing:{channel}:round:{id}:dms       HASH  group index -> its group DM (once the intro landed)
 * rapport:{team}:pairing:{channel}:round:{id}:intros    HASH  group index -> ts of its intro (to update it)
 * rapport:{team}:pairing:{channel}:round:{id}:answers   HASH  member -> met | not: each person's own answer
 * rapport:{team}:pairing:{channel}:round:{id}:asked     HASH  member -> "dm ts" of the check-in that asked them
 *                                                             directly, once it landed
 * rapport:{team}:pairing:{channel}:round:{id}:unreached SET   members a partner said they couldn't reach (who
 *                                                             said it is not kept)
 * rapport:{team}:pairing:{channel}:round:{id}:outcomes  HASH  group index -> met | not (rounds from before answers
 *                                                             were kept per person; read, never written)
 * rapport:{team}:pairing:{channel}:stats               HASH  intros -> intros that landed, all rounds
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
  private final LuaScript landed = LuaScript.load("pairing/intro-landed");
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
    }
    store.run(redis, List.of(round(team, round.channel(), round.id()), rounds(team, round.channel())), args);
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
    String key = round(team, round.channel(), round.id());
    if (redis.hexists(key, "recorded")) {
      return;
    }
    // One pipeline per 500 people: a 10,000-member round is a handful of round trips, not 20,000.
    try (var pipeline = redis.pipelined()) {
      int queued = 0;
      for (int g = 0; g < round.groups().size(); g++) {
        for (String user : round.groups().get(g)) {
          if (Round.FORGOTTEN.equals(user)) {
            continue;
          }
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
    Map<String, String> f = redis.hgetAll(round(team, channel, id));
    if (!f.containsKey("groups") || !f.containsKey("at")) {
      return Optional.empty();
    }
    return Optional.of(new Round(channel, id, Instant.ofEpochMilli(Long.parseLong(f.get("at"))),
        Integer.parseInt(f.getOrDefault("pool", "0")), json.read(f.get("groups"), GROUPS), readList(f.get("leftOut")),
        Integer.parseInt(f.getOrDefault("firstMeetings", "0")), Integer.parseInt(f.getOrDefault("crossTeam", "0")),
        Integer.parseInt(f.getOrDefault("crossTeamKnown", "0")),
        f.containsKey("ends") ? Instant.ofEpochMilli(Long.parseLong(f.get("ends"))) : null));
  }

  /** One group of a round, when it was formed, and who is in it. */
  record Group(Instant at, List<String> members) {}

  /** Group {@code index} of a round, read alone (rounds from before per-group fields are read whole). */
  Optional<Group> group(String team, String channel, String id, int index) {
    List<String> f = redis.hmget(round(team, channel, id), "at", "g:" + index);
    if (f.get(0) == null) {
      return Optional.empty();
    }
    if (f.get(1) == null) {
      return find(team, channel, id).filter(r -> index < r.groups().size())
          .map(r -> new Group(r.at(), r.groups().get(index)));
    }
    return Optional.of(new Group(Instant.ofEpochMilli(Long.parseLong(f.get(0))), List.of(f.get(1).split(","))));
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
    return redis.hsetnx(round(team, channel, id), "tallied", "1") == 1;
  }

  /**
   * The intro of a group landed in {@code dm} as message {@code ts}; true the first time (so intros are
   * counted once).
   */
  boolean introLanded(String team, String channel, String id, int group, String dm, String ts) {
    String round = round(team, channel, id);
    return Long.valueOf(1L).equals(landed.run(redis,
        List.of(round + ":dms", Keys.team(team, "pairing", channel, "stats"), round + ":intros"),
        List.of(String.valueOf(group), dm, ts == null ? "" : ts)));
  }

  Map<String, String> dms(String team, String channel, String id) {
    return redis.hgetAll(round(team, channel, id) + ":dms");
  }

  /** Where a group's intro is: its DM and the message ts, if it landed. */
  Optional<MessageRef> intro(String team, String channel, String id, int group) {
    String round = round(team, channel, id);
    String dm = redis.hget(round + ":dms", String.valueOf(group));
    String ts = redis.hget(round + ":intros", String.valueOf(group));
    return dm == null || ts == null ? Optional.empty() : Optional.of(new MessageRef(dm, ts));
  }

  /** {@code user}'s own answer for a round: met or not. */
  void answer(String team, String channel, String id, String user, String answer) {
    redis.hset(round(team, channel, id) + ":answers", user, answer);
  }

  /** Each person's own answer (met | not) for a round; people who didn't answer are absent. */
  Map<String, String> answers(String team, String channel, String id) {
    return redis.hgetAll(round(team, channel, id) + ":answers");
  }

  /** The answers of some members (one read): member -> met | not, for those who answered. */
  Map<String, String> answers(String team, String channel, String id, List<String> users) {
    Map<String, String> found = new java.util.HashMap<>();
    if (users.isEmpty()) {
      return found;
    }
    List<String> values = redis.hmget(round(team, channel, id) + ":answers", users.toArray(String[]::new));
    for (int i = 0; i < users.size(); i++) {
      if (values.get(i) != null) {
        found.put(users.get(i), values.get(i));
      }
    }
    return found;
  }

  /** A group's answer from before answers were kept per person (met | not), or null. */
  String groupOutcome(String team, String channel, String id, int group) {
    return redis.hget(round(team, channel, id) + ":outcomes", String.valueOf(group));
  }

  /** Answers of groups, from rounds before answers were kept per person: group index -> met | not. */
  Map<String, String> groupOutcomes(String team, String channel, String id) {
    return redis.hgetAll(round(team, channel, id) + ":outcomes");
  }

  /** The check-in that asked {@code user} directly landed in {@code dm} as {@code ts}. */
  void asked(String team, String channel, String id, String user, String dm, String ts) {
    redis.hsetnx(round(team, channel, id) + ":asked", user, new MessageRef(dm, ts).encode());
  }

  /** Members the check-in asked directly: member -> "dm ts". */
  Map<String, String> asked(String team, String channel, String id) {
    return redis.hgetAll(round(team, channel, id) + ":asked");
  }

  /** A partner said they couldn't reach {@code user} this round. */
  void unreached(String team, String channel, String id, String user) {
    redis.sadd(round(team, channel, id) + ":unreached", user);
  }

  Set<String> unreached(String team, String channel, String id) {
    return redis.smembers(round(team, channel, id) + ":unreached");
  }

  /** Intros delivered across all rounds of a program. */
  long introsSent(String team, String channel) {
    String sent = redis.hget(Keys.team(team, "pairing", channel, "stats"), "intros");
    return sent == null ? 0 : Long.parseLong(sent);
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
    redis.hset(round(team, channel, id), fields);
  }

  private void trimRounds(String team, String channel) {
    String rounds = rounds(team, channel);
    List<String> old = redis.zrange(rounds, 0, -KEEP_ROUNDS - 1);
    for (String id : old) {
      String round = round(team, channel, id);
      redis.del(round, round + ":dms", round + ":intros", round + ":answers", round + ":asked", round + ":unreached",
          round + ":outcomes");
      redis.zrem(rounds, id);
    }
  }

  private static String rounds(String team, String channel) {
    return Keys.team(team, "pairing", channel, "rounds");
  }

  private static String round(String team, String channel, String id) {
    return Keys.team(team, "pairing", channel, "round", id);
  }

  private List<String> readList(String raw) {
    return raw == null ? List.of() : json.read(raw, USERS);
  }
}
