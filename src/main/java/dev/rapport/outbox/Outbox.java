package dev.rapport.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where features hand bulk Slack work: enqueue and return at once. Workers deliver within Slack's limits;
 * nothing is lost (an item leaves only when Slack accepted it, or after the last failed attempt, to the
 * dead-letter list) and nothing is sent twice (idempotency key, also written into the message's metadata).
 */
@Component
public class Outbox {

  private final OutboxStore store;
  private final DeadLetters dead;
  private final RateLimiter limits;
  private final Clock clock;

  Outbox(OutboxStore store, DeadLetters dead, RateLimiter limits, Clock clock) {
    this.store = store;
    this.dead = dead;
    this.limits = limits;
    this.clock = clock;
  }

  /** Queues one delivery; false when one with the same key is queued or was delivered. */
  public boolean send(Delivery delivery) {
    return sendAll(List.of(delivery)) == 1;
  }

  /** Queues many; returns how many were new. */
  public int sendAll(List<Delivery> deliveries) {
    return sendAll(deliveries, clock.instant());
  }

  /**
   * Queues deliveries that may go from {@code notBefore} on, paced at Slack's budgets so that what is
   * queued later is not stuck behind all of a big batch.
   */
  public int sendAll(List<Delivery> deliveries, Instant notBefore) {
    Batch batch = new Batch(limits.plan(notBefore));
    deliveries.forEach(batch::add);
    return batch.finish();
  }

  /**
   * A big batch built and queued a chunk at a time, paced as one: between chunks the job rests (see
   * {@link Pace}), so a 10,000-member round neither holds 5,000 messages in memory nor takes the CPU from
   * commands. Call {@link Batch#finish()} at the end. Re-running a job after a failure part-way is safe:
   * what was queued already is recognised by its idempotency key.
   */
  public Batch batch() {
    return new Batch(limits.plan(clock.instant()));
  }

  /** See {@link #batch()}. Used by one job run on one thread. */
  public final class Batch {

    static final int CHUNK = 100;

    private final RateLimiter.Plan plan;
    private final Pace pace = Pace.start();
    private List<Delivery> chunk = new ArrayList<>();
    private int queued;

    private Batch(RateLimiter.Plan plan) {
      this.plan = plan;
    }

    /** Adds one delivery; every {@link #CHUNK} it is queued with the others and the job rests. */
    public void add(Delivery delivery) {
      chunk.add(delivery);
      if (chunk.size() == CHUNK) {
        flush();
        pace.breathe();
      }
    }

    /** Queues what is left; returns how many deliveries of the batch were new. */
    public int finish() {
      flush();
      return queued;
    }

    private void flush() {
      if (!chunk.isEmpty()) {
        queued += store.enqueue(chunk, plan.next(chunk));
        chunk = new ArrayList<>();
      }
    }
  }

  public boolean delivered(String id) {
    return store.delivered(id);
  }

  public OutboxStats stats(String team) {
    return new OutboxStats(store.pending(team), dead.count(team), dead.latest(team, 5));
  }

  /**
   * What of {@code feature} about {@code channel} (null: about none) Slack didn't take since {@code since},
   * newest first: for that feature's stats in that channel.
   */
  public Undelivered undelivered(String team, String feature, String channel, Instant since) {
    return dead.about(team, feature, channel, since);
  }

  /** The same for each channel of {@code feature} that had any (key null: about no channel). */
  public java.util.Map<String, Undelivered> undeliveredByChannel(String team, String feature, Instant since) {
    return dead.byChannel(team, feature, since);
  }

  /**
   * The workspace's latest dead letters, newest first, at most {@code limit} (and at most
   * {@code RAPPORT_OUTBOX_DEAD_LETTER_CAP}): e.g. for the admins' Home. Each says where it belonged
   * ({@link DeadLetter#origin()}) and, in plain words, why it failed and what fixes it.
   */
  public List<DeadLetter> deadLetters(String team, int limit) {
    return dead.latest(team, limit);
  }
}
