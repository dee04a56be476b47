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
  private final Clock clock;

  Outbox(OutboxStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Queues one delivery; false when one with the same key is queued or was delivered. */
  public boolean send(Delivery delivery) {
    return store.enqueue(List.of(delivery), clock.instant()) == 1;
  }

  /** Queues many; returns how many were new. */
  public int sendAll(List<Delivery> deliveries) {
    return deliveries.isEmpty() ? 0 : store.enqueue(deliveries, clock.instant());
  }

  /** Queues deliveries that may go from {@code notBefore} on. */
  public int sendAll(List<Delivery> deliveries, Instant notBefore) {
    return deliveries.isEmpty() ? 0 : store.enqueue(deliveries, notBefore);
  }

  public boolean delivered(String id) {
    return store.delivered(id);
  }

  public OutboxStats stats(String team) {
    return store.stats(team);
  }
}
