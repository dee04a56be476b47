package dev.rapport.outbox;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import dev.rapport.store.StoredJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Deliveries given up on, kept so that the people who can fix the cause see them where they look: per
 * workspace (the admins' Home) and per feature and channel ({@code /coffee stats}, {@code /empathy stats}).
 * In the {@code {outbox}} slot, like the queue they leave, so moving an item here is one script.
 * <pre>
 * rapport:{outbox}:dead:{team}                     LIST  dead letters as JSON, newest first, at most
 *                                                        deadLetterCap; expires deadLetterKeep after the last
 * rapport:{outbox}:dead:{team}:{feature}:{channel} LIST  the same, of one feature about one channel ('-' for
 *                                                        none), at most {@link #PLACE_CAP}; same expiry
 * rapport:{outbox}:dead:{team}:places              SET   feature:channel of the lists above; same expiry
 * rapport:{outbox}:deadcount                       HASH  team -> deliveries given up on, ever
 * rapport:{outbox}:dead                            LIST  before per-workspace lists: every workspace's
 *                                                        letters; moved to the lists above at start
 * </pre>
 */
@Component
class DeadLetters {

  static final int PLACE_CAP = 50;
  static final String LEGACY = Keys.shared("outbox", "dead");
  static final String COUNT = Keys.shared("outbox", "deadcount");
  private static final String NONE = "-";
  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final UnifiedJedis redis;
  private final StoredJson json;
  private final OutboxSettings settings;
  private final LuaScript dead = LuaScript.load("outbox/dead");
  private final LuaScript move = LuaScript.load("outbox/dead-move");

  DeadLetters(UnifiedJedis redis, StoredJson json, OutboxSettings settings) {
    this.redis = redis;
    this.json = json;
    this.settings = settings;
  }

  /** Takes {@code failed} out of the queue and keeps {@code letter}, in one script. */
  void record(Delivery failed, DeadLetter letter) {
    String team = failed.team();
    String place = place(letter.origin());
    dead.run(redis, List.of(OutboxStore.INFLIGHT, OutboxStore.ITEMS, OutboxStore.READY, OutboxStore.UNCERTAIN,
        OutboxStore.PENDING, COUNT, workspace(team), list(team, place), places(team)), List.of(failed.id(), team,
        json.write(letter), String.valueOf(settings.deadLetterCap()), String.valueOf(PLACE_CAP), keepSeconds(), place));
  }

  /** The workspace's latest dead letters, newest first, at most {@code limit}. */
  List<DeadLetter> latest(String team, int limit) {
    return read(redis.lrange(workspace(team), 0, Math.max(0, limit - 1)));
  }

  /** Those of {@code feature} about {@code channel} (null: about no channel) since {@code since}. */
  Undelivered about(String team, String feature, String channel, Instant since) {
    List<DeadLetter> letters = read(redis.lrange(list(team, place(new Origin(feature, channel, null))), 0, -1));
    List<DeadLetter> recent = letters.stream().filter(l -> l.at() != null && !l.at().isBefore(since)).toList();
    return new Undelivered(recent.size(), recent.size() == PLACE_CAP, recent);
  }

  /** Per channel (null: about no channel), those of {@code feature} since {@code since}; none left out. */
  Map<String, Undelivered> byChannel(String team, String feature, Instant since) {
    Map<String, Undelivered> found = new LinkedHashMap<>();
    for (String place : redis.smembers(places(team))) {
      if (place.startsWith(feature + ":")) {
        String channel = place.substring(feature.length() + 1);
        Undelivered u = about(team, feature, channel.equals(NONE) ? null : channel, since);
        if (u.count() > 0) {
          found.put(channel.equals(NONE) ? null : channel, u);
        }
      }
    }
    return found;
  }

  long count(String team) {
    String n = redis.hget(COUNT, team);
    return n == null ? 0 : Long.parseLong(n);
  }

  /** Forget-me: deletes the workspace's dead letters that name {@code user} anywhere. */
  int dropNaming(String team, String user) {
    List<String> lists = new ArrayList<>();
    lists.add(workspace(team));
    redis.smembers(places(team)).forEach(place -> lists.add(list(team, place)));
    int dropped = 0;
    for (String key : lists) {
      for (String raw : redis.lrange(key, 0, -1)) {
        if (raw.contains(user)) {
          dropped += (int) redis.lrem(key, 0, raw);
        }
      }
    }
    for (String raw : redis.lrange(LEGACY, 0, -1)) {
      if (readOne(raw).team().equals(team) && raw.contains(user)) {
        dropped += (int) redis.lrem(LEGACY, 1, raw);
      }
    }
    return dropped;
  }

  /** Forgets a workspace's dead letters and their count. */
  void erase(String team) {
    for (String place : redis.smembers(places(team))) {
      redis.del(list(team, place));
    }
    redis.del(places(team));
    redis.del(workspace(team));
    redis.hdel(COUNT, team);
    for (String raw : redis.lrange(LEGACY, 0, -1)) {
      if (readOne(raw).team().equals(team)) {
        redis.lrem(LEGACY, 0, raw);
      }
    }
  }

  /**
   * Moves the letters of the old shared list to their workspace's lists, oldest first, so the newest stay
   * first. Safe on every instance at once: each letter moves only if it is still the oldest there.
   */
  int moveLegacy() {
    int moved = 0;
    for (String raw = redis.lindex(LEGACY, -1); raw != null; raw = redis.lindex(LEGACY, -1)) {
      DeadLetter old = readOne(raw);
      Origin origin = old.origin();
      DeadLetter letter = new DeadLetter(old.id(), old.team(), old.kind(), old.tag(), old.error(), old.attempts(),
          old.at(), origin.feature(), origin.channel(), origin.what());
      String place = place(origin);
      moved += ((Long) move.run(redis, List.of(LEGACY, workspace(old.team()), list(old.team(), place),
          places(old.team())), List.of(raw, json.write(letter), String.valueOf(settings.deadLetterCap()),
          String.valueOf(PLACE_CAP), keepSeconds(), place))).intValue();
    }
    if (moved > 0) {
      log.info("Outbox: moved {} dead letter(s) to their workspace's lists", moved);
    }
    return moved;
  }

  private String keepSeconds() {
    return String.valueOf(settings.deadLetterKeep().toSeconds());
  }

  private static String place(Origin origin) {
    return origin.feature() + ":" + (origin.channel() == null ? NONE : origin.channel());
  }

  private static String workspace(String team) {
    return Keys.shared("outbox", "dead", team);
  }

  private static String list(String team, String place) {
    return workspace(team) + ":" + place;
  }

  private static String places(String team) {
    return Keys.shared("outbox", "dead", team, "places");
  }

  private List<DeadLetter> read(List<String> raws) {
    return raws.stream().map(this::readOne).toList();
  }

  private DeadLetter readOne(String raw) {
    return json.read(raw, DeadLetter.class);
  }
}
