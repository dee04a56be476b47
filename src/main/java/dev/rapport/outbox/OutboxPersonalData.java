package dev.rapport.outbox;

import dev.rapport.people.MemberForgotten;
import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Forget-me for the outbox: deliveries still queued for (or naming) the person are not sent, dead letters
 * that name them are deleted, and so are the pace of their DMs and the record of deliveries whose id names
 * them.
 */
@Component
class OutboxPersonalData implements KeyLayout {

  private final OutboxStore store;
  private final DeadLetters dead;
  private final RateLimiter rates;

  OutboxPersonalData(OutboxStore store, DeadLetters dead, RateLimiter rates) {
    this.store = store;
    this.dead = dead;
    this.rates = rates;
  }

  /**
   * Every key family the outbox writes ({@link OutboxStore}, {@link DeadLetters}, {@link RateLimiter}), and whom
   * each can name. All are shared: {@link OutboxWorkspaceData} drops what belongs to an uninstalled workspace.
   */
  @Override
  public List<KeyFamily> keyFamilies() {
    return KeyFamily.table("""
        rapport:{outbox}:items                            PERSON WORKSPACE
        rapport:{outbox}:ready                            PERSON WORKSPACE
        rapport:{outbox}:inflight                         PERSON WORKSPACE
        rapport:{outbox}:uncertain                        PERSON WORKSPACE
        rapport:{outbox}:done                             PERSON WORKSPACE
        rapport:{outbox}:pending                          WORKSPACE
        rapport:{outbox}:dead:{team}                      PERSON WORKSPACE
        rapport:{outbox}:dead:{team}:{feature}:{channel}  PERSON WORKSPACE
        rapport:{outbox}:dead:{team}:places               WORKSPACE
        rapport:{outbox}:deadcount                        WORKSPACE
        rapport:{outbox}:dead                             PERSON WORKSPACE
        rapport:{outbox}:rate:{team}:{method}             WORKSPACE
        rapport:{outbox}:rate:{team}:channel:{channel}    PERSON WORKSPACE
        """);
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
