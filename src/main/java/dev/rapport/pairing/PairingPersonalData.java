package dev.rapport.pairing;

import dev.rapport.people.MemberForgotten;
import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import dev.rapport.store.Keys;
import dev.rapport.store.Scans;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Forget-me for coffee pairing: every pairing key of the workspace is read, and the person is taken out
 * of it — their own lists deleted, their id removed from sets and hashes, and rounds rewritten so past
 * partners' history no longer names them.
 */
@Component
class PairingPersonalData implements KeyLayout {

  private final UnifiedJedis redis;
  private final RoundStore rounds;
  private final JourneyStore journeys;

  PairingPersonalData(UnifiedJedis redis, RoundStore rounds, JourneyStore journeys) {
    this.redis = redis;
    this.rounds = rounds;
    this.journeys = journeys;
  }

  /**
   * Every key family coffee pairing writes ({@link ProgramStore}, {@link ChoiceStore}, {@link RoundStore},
   * {@link RoundReplies}, {@link JourneyStore}), and whom each can name.
   */
  @Override
  public List<KeyFamily> keyFamilies() {
    return KeyFamily.table("""
        rapport:{team}:pairing:programs
        rapport:{team}:pairing:{channel}:program               PERSON
        rapport:{team}:pairing:{channel}:runners               PERSON
        rapport:{team}:pairing:{channel}:stopped
        rapport:{team}:pairing:{channel}:members               PERSON
        rapport:{team}:pairing:{channel}:turns                 PERSON
        rapport:{team}:pairing:{channel}:left                  PERSON
        rapport:{team}:pairing:{channel}:paused                PERSON
        rapport:{team}:pairing:{channel}:ghosts                PERSON
        rapport:{team}:pairing:avoid:{user}                    PERSON
        rapport:{team}:pairing:{channel}:rounds
        rapport:{team}:pairing:{channel}:round:{id}            PERSON
        rapport:{team}:pairing:{channel}:round:{id}:dms
        rapport:{team}:pairing:{channel}:round:{id}:intros
        rapport:{team}:pairing:{channel}:round:{id}:answers    PERSON
        rapport:{team}:pairing:{channel}:round:{id}:asked      PERSON
        rapport:{team}:pairing:{channel}:round:{id}:unreached  PERSON
        rapport:{team}:pairing:{channel}:round:{id}:outcomes
        rapport:{team}:pairing:{channel}:stats
        rapport:{team}:pairing:history:{user}                  PERSON
        rapport:{team}:pairing:{channel}:journeys              PERSON
        rapport:{team}:pairing:journey:{id}                    PERSON
        """);
  }

  @EventListener
  void forget(MemberForgotten forgotten) {
    String team = forgotten.team();
    String user = forgotten.user();
    String prefix = Keys.team(team, "pairing") + ":";
    redis.del(Keys.team(team, "pairing", "avoid", user), Keys.team(team, "pairing", "history", user));
    journeys.forget(team, user);
    for (String key : Scans.keys(redis, prefix + "*")) {
      String rest = key.substring(prefix.length());
      String[] parts = rest.split(":");
      if (parts.length == 3 && parts[1].equals("round")) {
        rounds.find(team, parts[0], parts[2]).ifPresent(round -> {
          if (round.groupOf(user) >= 0 || round.leftOut().contains(user)) {
            rounds.rewrite(team, parts[0], parts[2], round.groups().stream()
                .map(g -> g.stream().map(u -> u.equals(user) ? Round.FORGOTTEN : u).toList()).toList(),
                round.leftOut().stream().map(u -> u.equals(user) ? Round.FORGOTTEN : u).toList());
          }
        });
        continue;
      }
      if (parts.length == 2 && parts[1].equals("program")) {
        // A leader roulette hosted by them keeps its place but has no host (and so no rounds) until changed.
        String type = redis.hget(key, "type");
        if (type != null && type.contains("<@" + user + ">")) {
          redis.hset(key, "type", type.replace("<@" + user + ">", "<@" + Round.FORGOTTEN + ">"));
        }
        continue;
      }
      switch (redis.type(key)) {
        case "set" -> redis.srem(key, user);
        case "hash" -> redis.hdel(key, user);
        case "zset" -> redis.zrem(key, user);
        default -> { }
      }
    }
  }
}
