package dev.rapport.schedule;

import dev.rapport.slack.WorkspaceData;
import org.springframework.stereotype.Component;

/** An uninstalled workspace's schedules leave the shared due index. */
@Component
class ScheduleWorkspaceData implements WorkspaceData {

  private final ScheduleStore store;

  ScheduleWorkspaceData(ScheduleStore store) {
    this.store = store;
  }

  @Override
  public void erase(String team) {
    store.deleteWorkspace(team);
  }
}
