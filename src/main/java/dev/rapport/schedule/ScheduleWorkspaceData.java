package dev.rapport.schedule;

import dev.rapport.slack.WorkspaceUninstalled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An uninstalled workspace's schedules leave the shared due index. */
@Component
class ScheduleWorkspaceData {

  private final ScheduleStore store;

  ScheduleWorkspaceData(ScheduleStore store) {
    this.store = store;
  }

  @EventListener
  void erase(WorkspaceUninstalled uninstalled) {
    String team = uninstalled.team();
    store.deleteWorkspace(team);
  }
}
