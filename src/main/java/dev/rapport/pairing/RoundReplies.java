package dev.rapport.pairing;

import dev.rapport.slack.MessageRef;
import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * What happened after a round was formed: where its intros landed, each member's own answer, whom the
 * check-in asked directly, and whom a partner couldn't reach. The round itself is in {@link RoundStore}, which
 * deletes these keys with it.
 * <pre>
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
 * </pre>
 */
@Component
class RoundReplies {

  private final UnifiedJedis redis;
  private final LuaScript landed = LuaScript.load("pairing/intro-landed");

  RoundReplies(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** The keys of a round's replies, {@code round} being the round's own key. */
  static List<String> keys(String round) {
    return List.of(round + ":dms", round + ":intros", round + ":answers", round + ":asked", round + ":unreached",
        round + ":outcomes");
  }

  /**
   * What was heard from a round's groups, read at once: where each group's intro landed, each member's own
   * answer (member -> met | not), and the groups' answers from before answers were kept per person.
   */
  record Heard(Map<String, String> landed, Map<String, String> answers, Map<String, String> groupAnswers) {

    /** Whether group {@code g}'s intro arrived. */
    boolean landed(int g) {
      return landed.containsKey(String.valueOf(g));
    }

    /** Group {@code g}'s answer from before answers were kept per person (met | not), or null. */
    String groupAnswer(int g) {
      return groupAnswers.get(String.valueOf(g));
    }

    /** Someone in group {@code g} said they met, or the group answered as a whole (before answers were per person). */
    boolean settled(int g, List<String> group) {
      return groupAnswers.containsKey(String.valueOf(g)) || group.stream().anyMatch(u -> "met".equals(answers.get(u)));
    }
  }

  /** What was heard from {@code round}; when no intro landed, nothing more is read. */
  Heard heard(String team, Round round) {
    Map<String, String> landed = dms(team, round.channel(), round.id());
    if (landed.isEmpty()) {
      return new Heard(Map.of(), Map.of(), Map.of());
    }
    return new Heard(landed, answers(team, round.channel(), round.id()),
        groupOutcomes(team, round.channel(), round.id()));
  }

  /**
   * The intro of a group landed in {@code dm} as message {@code ts}; true the first time (so intros are
   * counted once).
   */
  boolean introLanded(String team, String channel, String id, int group, String dm, String ts) {
    String round = RoundStore.key(team, channel, id);
    return Long.valueOf(1L).equals(landed.run(redis,
        List.of(round + ":dms", Keys.team(team, "pairing", channel, "stats"), round + ":intros"),
        List.of(String.valueOf(group), dm, ts == null ? "" : ts)));
  }

  private Map<String, String> dms(String team, String channel, String id) {
    return redis.hgetAll(RoundStore.key(team, channel, id) + ":dms");
  }

  /** Where a group's intro is: its DM and the message ts, if it landed. */
  Optional<MessageRef> intro(String team, String channel, String id, int group) {
    String round = RoundStore.key(team, channel, id);
    String dm = redis.hget(round + ":dms", String.valueOf(group));
    String ts = redis.hget(round + ":intros", String.valueOf(group));
    return dm == null || ts == null ? Optional.empty() : Optional.of(new MessageRef(dm, ts));
  }

  /** {@code user}'s own answer for a round: met or not. */
  void answer(String team, String channel, String id, String user, String answer) {
    redis.hset(RoundStore.key(team, channel, id) + ":answers", user, answer);
  }

  /** Each person's own answer (met | not) for a round; people who didn't answer are absent. */
  Map<String, String> answers(String team, String channel, String id) {
    return redis.hgetAll(RoundStore.key(team, channel, id) + ":answers");
  }

  /** The answers of some members (one read): member -> met | not, for those who answered. */
  Map<String, String> answers(String team, String channel, String id, List<String> users) {
    Map<String, String> found = new HashMap<>();
    if (users.isEmpty()) {
      return found;
    }
    List<String> values = redis.hmget(RoundStore.key(team, channel, id) + ":answers", users.toArray(String[]::new));
    for (int i = 0; i < users.size(); i++) {
      if (values.get(i) != null) {
        found.put(users.get(i), values.get(i));
      }
    }
    return found;
  }

  /** A group's answer from before answers were kept per person (met | not), or null. */
  String groupOutcome(String team, String channel, String id, int group) {
    return redis.hget(RoundStore.key(team, channel, id) + ":outcomes", String.valueOf(group));
  }

  /** Answers of groups, from rounds before answers were kept per person: group index -> met | not. */
  private Map<String, String> groupOutcomes(String team, String channel, String id) {
    return redis.hgetAll(RoundStore.key(team, channel, id) + ":outcomes");
  }

  /** The check-in that asked {@code user} directly landed in {@code dm} as {@code ts}. */
  void asked(String team, String channel, String id, String user, String dm, String ts) {
    redis.hsetnx(RoundStore.key(team, channel, id) + ":asked", user, new MessageRef(dm, ts).encode());
  }

  /** Members the check-in asked directly: member -> "dm ts". */
  Map<String, String> asked(String team, String channel, String id) {
    return redis.hgetAll(RoundStore.key(team, channel, id) + ":asked");
  }

  /** A partner said they couldn't reach {@code user} this round. */
  void unreached(String team, String channel, String id, String user) {
    redis.sadd(RoundStore.key(team, channel, id) + ":unreached", user);
  }

  Set<String> unreached(String team, String channel, String id) {
    return redis.smembers(RoundStore.key(team, channel, id) + ":unreached");
  }

  /** Intros delivered across all rounds of a program. */
  long introsSent(String team, String channel) {
    String sent = redis.hget(Keys.team(team, "pairing", channel, "stats"), "intros");
    return sent == null ? 0 : Long.parseLong(sent);
  }

}
