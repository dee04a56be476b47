package dev.rapport.outbox;

import dev.rapport.slack.WorkspaceUninstalled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An uninstalled workspace's deliveries are not sent, and its counters, dead letters and budgets are dropped,
 * with the record of delivered ones whose id names it. (Ids that name only a channel stay until the record
 * expires, after {@code rememberDelivered}: they name nobody.)
 */
@Component
class OutboxWorkspaceData {

  private final OutboxStore store;
  private final DeadLetters dead;

  OutboxWorkspaceData(OutboxStore store, DeadLetters dead) {
    this.store = store;
    this.dead = dead;
  }

  @EventListener
  void erase(WorkspaceUninstalled uninstalled) {
    String team = uninstalled.team();
    store.eraseWorkspace(team);
    dead.erase(team);
    store.forgetDelivered(team);
  }
}
