package dev.rapport.outbox;

import dev.rapport.slack.WorkspaceData;
import org.springframework.stereotype.Component;

/** An uninstalled workspace's deliveries are not sent, and its counters, dead letters and budgets are dropped. */
@Component
class OutboxWorkspaceData implements WorkspaceData {

  private final OutboxStore store;
  private final DeadLetters dead;

  OutboxWorkspaceData(OutboxStore store, DeadLetters dead) {
    this.store = store;
    this.dead = dead;
  }

  @Override
  public void erase(String team) {
    store.eraseWorkspace(team);
    dead.erase(team);
  }
}
