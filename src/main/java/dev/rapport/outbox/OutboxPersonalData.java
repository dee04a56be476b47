package dev.rapport.outbox;

import dev.rapport.people.MemberForgotten;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Forget-me for the outbox: deliveries still queued for (or naming) the person are not sent, dead letters
 * that name them are deleted, and so are the pace of their DMs and the record of deliveries whose id names
 * them.
 */
@Component
class OutboxPersonalData {

  private final OutboxStore store;
  private final DeadLetters dead;
  private final RateLimiter rates;

  OutboxPersonalData(OutboxStore store, DeadLetters dead, RateLimiter rates) {
    this.store = store;
    this.dead = dead;
    this.rates = rates;
  }

  @EventListener
  void forget(MemberForgotten forgotten) {
    String team = forgotten.team();
    String user = forgotten.user();
    store.dropNaming(team, user);
    dead.dropNaming(team, user);
    rates.forgetChannel(team, user);
    store.forgetDelivered(user);
  }
}
