package dev.rapport.pairing;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import dev.rapport.store.Scans;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Onboarding journeys. Each new hire has at most one per channel, ever (leaving and joining again, or an admin's
 * {@code /coffee onboard} after they joined, starts no second one); the channel's index says who had one, when it
 * ends and who the buddy is, so a round reads the whole index in one call.
 * <pre>
 * rapport:{team}:pairing:{channel}:journeys   HASH  new hire -> "journey id|epoch ms it ends|buddy"
 * rapport:{team}:pairing:journey:{id}         HASH  channel, hire, buddy, start, steps, times, joined, by
 * </pre>
 */
@Component
class JourneyStore {

  /** One entry of a channel's index. */
  record Entry(String hire, String id, Instant ends, String buddy) {

    boolean activeAt(Instant at) {
      return ends.isAfter(at);
    }
  }

  private final UnifiedJedis redis;
  private final LuaScript write = LuaScript.load("pairing/journey-write");

  JourneyStore(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** Records a new journey; false (and nothing written) when the new hire already had one in the channel. */
  boolean create(String team, Journey journey) {
    return Long.valueOf(1).equals(write(team, journey, "new"));
  }

  /** Writes a changed journey (its buddy); false when it is gone (forgotten). */
  boolean update(String team, Journey journey) {
    return Long.valueOf(1).equals(write(team, journey, "update"));
  }

  private Object write(String team, Journey j, String mode) {
    List<String> args = new ArrayList<>(List.of(mode, j.hire(), entry(j)));
    Map<String, String> fields = new HashMap<>();
    fields.put("channel", j.channel());
    fields.put("hire", j.hire());
    fields.put("buddy", j.buddy() == null ? "" : j.buddy());
    fields.put("start", String.valueOf(j.start().toEpochMilli()));
    fields.put("steps", JourneyStep.write(j.steps()));
    fields.put("times", String.join(",", j.times().stream().map(t -> String.valueOf(t.toEpochMilli())).toList()));
    fields.put("joined", String.valueOf(j.joined()));
    fields.put("by", j.by() == null ? "" : j.by());
    fields.forEach((field, value) -> {
      args.add(field);
      args.add(value);
    });
    return write.run(redis, List.of(index(team, j.channel()), journeyKey(team, j.id())), args);
  }

  Optional<Journey> find(String team, String id) {
    Map<String, String> f = redis.hgetAll(journeyKey(team, id));
    if (f.isEmpty() || f.get("hire") == null) {
      return Optional.empty();
    }
    List<JourneyStep> steps = f.get("steps").isBlank() ? List.of() : JourneyStep.parse(f.get("steps"));
    List<Instant> times = f.get("times").isBlank() ? List.of() : Arrays.stream(f.get("times").split(","))
        .map(ms -> Instant.ofEpochMilli(Long.parseLong(ms))).toList();
    return Optional.of(new Journey(id, f.get("channel"), f.get("hire"), blankToNull(f.get("buddy")),
        Instant.ofEpochMilli(Long.parseLong(f.get("start"))), steps, times, Boolean.parseBoolean(f.get("joined")),
        blankToNull(f.get("by"))));
  }

  /** Everyone who had a journey in the channel, with when it ends and their buddy. */
  Map<String, Entry> entries(String team, String channel) {
    Map<String, Entry> entries = new HashMap<>();
    redis.hgetAll(index(team, channel)).forEach((hire, raw) -> {
      String[] parts = raw.split("\\|", -1);
      if (parts.length == 3) {
        entries.put(hire, new Entry(hire, parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])),
            blankToNull(parts[2])));
      }
    });
    return entries;
  }

  /** Whether {@code hire} had (or has) a journey in the channel. */
  boolean had(String team, String channel, String hire) {
    return redis.hexists(index(team, channel), hire);
  }

  /**
   * Removes the journey and its index entry (no buddy could be found; or forget-me), so the new hire can be
   * onboarded again and is paired meanwhile. False when it was already gone (forgotten meanwhile).
   */
  boolean delete(String team, Journey journey) {
    return Long.valueOf(1).equals(write.run(redis, List.of(index(team, journey.channel()),
        journeyKey(team, journey.id())), List.of("delete", journey.hire(), journey.id())));
  }

  /**
   * Forget-me: a journey of theirs as the new hire, or as the buddy, is deleted with its index entry (a journey
   * without its buddy has nobody to nudge; its new hire joins the rounds); where they only added someone, that
   * goes.
   */
  void forget(String team, String user) {
    for (String key : Scans.keys(redis, Keys.team(team, "pairing", "journey", "*"))) {
      String id = key.substring(key.lastIndexOf(':') + 1);
      find(team, id).ifPresent(j -> {
        if (user.equals(j.hire()) || user.equals(j.buddy())) {
          delete(team, j);
        } else if (user.equals(j.by())) {
          redis.hset(key, "by", "");
        }
      });
    }
  }

  static String journeyKey(String team, String id) {
    return Keys.team(team, "pairing", "journey", id);
  }

  static String index(String team, String channel) {
    return ProgramStore.key(team, channel, "journeys");
  }

  private static String entry(Journey j) {
    return j.id() + "|" + j.ends().toEpochMilli() + "|" + (j.buddy() == null ? "" : j.buddy());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
