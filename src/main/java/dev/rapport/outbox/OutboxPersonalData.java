package dev.rapport.outbox;

import dev.rapport.people.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Forget-me for the outbox: deliveries still queued for (or naming) the person are not sent, and dead
 * letters that name them are deleted.
 */
@Component
class OutboxPersonalData implements PersonalData {

  private final OutboxStore store;
  private final DeadLetters dead;

  OutboxPersonalData(OutboxStore store, DeadLetters dead) {
    this.store = store;
    this.dead = dead;
  }

  @Override
  public void forget(String team, String user) {
    store.dropNaming(team, user);
    dead.dropNaming(team, user);
  }
}
