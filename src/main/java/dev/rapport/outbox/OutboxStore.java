package dev.rapport.outbox;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import dev.rapport.store.Scans;
import dev.rapport.store.StoredJson;
import dev.rapport.store.WakeUps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * The delivery queue. All its keys share the {@code {outbox}} slot so each step is one script; items name
 * their workspace. An item leaves the queue only when Slack accepted it ({@link #ack}) or it was given
 * up on ({@link DeadLetters#record}).
 * <pre>
 * rapport:{outbox}:items      HASH  id -> delivery JSON, while queued or in flight
 * rapport:{outbox}:ready      ZSET  id -> epoch ms from which it may be sent (a batch is spread at Slack's
 *                                   pace, so later batches interleave with it; workers take lowest first)
 * rapport:{outbox}:inflight   ZSET  id -> epoch ms when the sending worker's lease runs out
 * rapport:{outbox}:uncertain  SET   ids Slack may already have accepted (lease ran out, 5xx, timeout)
 * rapport:{outbox}:done       ZSET  id -> epoch ms delivered; kept for rememberDelivered, so a re-enqueue
 *                                   of the same key is a no-op
 * rapport:{outbox}:pending    HASH  team -> deliveries queued or in flight
 * </pre>
 * An enqueue publishes on the channel {@code rapport:{outbox}:wake} (no key; {@link WakeUps}), so idle
 * workers of every instance look again.
 * What is given up on goes to {@link DeadLetters}.
 */
@Component
class OutboxStore {

  static final String ITEMS = Keys.shared("outbox", "items");
  static final String READY = Keys.shared("outbox", "ready");
  static final String INFLIGHT = Keys.shared("outbox", "inflight");
  static final String UNCERTAIN = Keys.shared("outbox", "uncertain");
  static final String DONE = Keys.shared("outbox", "done");
  static final String PENDING = Keys.shared("outbox", "pending");
  static final String WAKE = WakeUps.channel("outbox");

  private final UnifiedJedis redis;
  private final StoredJson json;
  private final OutboxSettings settings;
  private final LuaScript enqueue = LuaScript.load("outbox/enqueue");
  private final LuaScript claim = LuaScript.load("outbox/claim");
  private final LuaScript ack = LuaScript.load("outbox/ack");
  private final LuaScript retry = LuaScript.load("outbox/retry");
  private final LuaScript drop = LuaScript.load("outbox/drop");
  private final LuaScript defer = LuaScript.load("outbox/defer");

  OutboxStore(UnifiedJedis redis, StoredJson json, OutboxSettings settings) {
    this.redis = redis;
    this.json = json;
    this.settings = settings;
  }

  /** A delivery handed to a worker; {@code uncertain} when Slack may already have it. */
  record Claimed(Delivery delivery, boolean uncertain) {}

  /**
   * Queues each delivery to go from {@code at[i]} (epoch ms) on, in one script; returns how many were new.
   * Callers pass a chunk ({@link Outbox.Batch}): Redis runs one script at a time and commands wait behind it.
   */
  int enqueue(List<Delivery> deliveries, long[] at) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < deliveries.size(); i++) {
      Delivery d = deliveries.get(i);
      args.add(d.id());
      args.add(d.team());
      args.add(String.valueOf(at[i]));
      args.add(write(d));
    }
    int queued = ((Long) enqueue.run(redis, List.of(ITEMS, READY, DONE, PENDING), args)).intValue();
    if (queued > 0) {
      redis.publish(WAKE, "1"); // idle workers of every instance wait for this instead of polling
    }
    return queued;
  }

  /** What one claim took, and when the next item falls due or a lease runs out (null: the queue is empty). */
  record Batch(List<Claimed> items, Instant next) {}

  Batch claimNext(Instant now, int max) {
    List<?> flat = (List<?>) claim.run(redis, List.of(READY, INFLIGHT, ITEMS, UNCERTAIN), List.of(
        String.valueOf(now.toEpochMilli()), String.valueOf(settings.lease().toMillis()), String.valueOf(max)));
    List<Claimed> claimed = new ArrayList<>();
    for (int i = 0; i + 2 < flat.size(); i += 3) {
      claimed.add(new Claimed(read((String) flat.get(i + 1)), "1".equals(flat.get(i + 2))));
    }
    String next = flat.isEmpty() ? "" : (String) flat.get(flat.size() - 1);
    return new Batch(claimed, next.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(next)));
  }

  void ack(Delivery d, Instant now) {
    ack.run(redis, List.of(INFLIGHT, ITEMS, UNCERTAIN, DONE, PENDING), List.of(d.id(), d.team(),
        String.valueOf(now.toEpochMilli()), String.valueOf(settings.rememberDelivered().toMillis())));
  }

  /** Back to the queue at {@code notBefore} with the item as updated; {@code maybeSent} marks it uncertain. */
  void retry(Delivery updated, Instant notBefore, boolean maybeSent) {
    retry.run(redis, List.of(INFLIGHT, ITEMS, READY, UNCERTAIN), List.of(updated.id(), write(updated),
        String.valueOf(notBefore.toEpochMilli()), maybeSent ? "1" : "0"));
  }

  /** Back to the queue as they were, from {@code notBefore}: claimed, but not attempted. */
  void defer(List<Delivery> deliveries, Instant notBefore) {
    if (deliveries.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>();
    args.add(String.valueOf(notBefore.toEpochMilli()));
    deliveries.forEach(d -> args.add(d.id()));
    defer.run(redis, List.of(INFLIGHT, READY, ITEMS), args);
  }

  /** Drops the workspace's queued deliveries that name {@code user}; returns how many. */
  int dropNaming(String team, String user) {
    int[] dropped = {0};
    Scans.hash(redis, ITEMS, entry -> {
      Delivery d = read(entry.getValue());
      if (d.team().equals(team) && d.names(user)) {
        dropped[0] += ((Long) drop.run(redis, List.of(ITEMS, READY, INFLIGHT, UNCERTAIN, PENDING),
            List.of(d.id(), team))).intValue();
      }
    });
    return dropped[0];
  }

  /** Forgets a workspace: its queued deliveries, counter and rate budgets. */
  void eraseWorkspace(String team) {
    Scans.hash(redis, ITEMS, entry -> {
      if (read(entry.getValue()).team().equals(team)) {
        drop.run(redis, List.of(ITEMS, READY, INFLIGHT, UNCERTAIN, PENDING), List.of(entry.getKey(), team));
      }
    });
    redis.hdel(PENDING, team);
    Scans.keys(redis, Keys.shared("outbox", "rate", team) + ":*", redis::del);
  }

  /**
   * Forgets that deliveries whose id names {@code name} (a person or a workspace, as one part of the id)
   * were sent, so the record of them goes with that person or workspace.
   */
  void forgetDelivered(String name) {
    List<String> naming = new ArrayList<>();
    Scans.sortedSet(redis, DONE, "*" + name + "*", member -> {
      if (List.of(member.getElement().split("[:|]")).contains(name)) {
        naming.add(member.getElement());
      }
    });
    if (!naming.isEmpty()) {
      redis.zrem(DONE, naming.toArray(String[]::new));
    }
  }

  /** Whether the delivery is still queued or in flight (not acknowledged, given up on or erased). */
  boolean queued(String id) {
    return redis.hexists(ITEMS, id);
  }

  boolean delivered(String id) {
    return redis.zscore(DONE, id) != null;
  }

  long depth() {
    return redis.zcard(READY) + redis.zcard(INFLIGHT);
  }

  long pending(String team) {
    String pending = redis.hget(PENDING, team);
    return pending == null ? 0 : Long.parseLong(pending);
  }

  private String write(Delivery delivery) {
    return json.write(StoredDelivery.of(delivery));
  }

  private Delivery read(String raw) {
    return json.read(raw, StoredDelivery.class).delivery();
  }
}
