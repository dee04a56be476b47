package dev.rapport.outbox;

import dev.rapport.slack.WorkspaceData;
import org.springframework.stereotype.Component;

/** An uninstalled workspace's deliveries are not sent, and its counters and budgets are dropped. */
@Component
class OutboxWorkspaceData implements WorkspaceData {

  private final OutboxStore store;

  OutboxWorkspaceData(OutboxStore store) {
    this.store = store;
  }

  @Override
  public void erase(String team) {
    store.eraseWorkspace(team);
  }
}
