package dev.rapport.outbox;

import java.time.Clock;
import java.time.Instant;
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
  private final RateLimiter limits;
  private final Clock clock;

  Outbox(OutboxStore store, RateLimiter limits, Clock clock) {
    this.store = store;
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
    return deliveries.isEmpty() ? 0 : store.enqueue(deliveries, limits.pace(deliveries, notBefore));
  }

  public boolean delivered(String id) {
    return store.delivered(id);
  }

  public OutboxStats stats(String team) {
    return store.stats(team);
  }
}
