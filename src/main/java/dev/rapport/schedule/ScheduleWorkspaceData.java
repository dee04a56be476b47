package dev.rapport.schedule;

import dev.rapport.slack.WorkspaceUninstalled;
import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An uninstalled workspace's schedules leave the shared due index. */
@Component
class ScheduleWorkspaceData implements KeyLayout {

  private final ScheduleStore store;

  ScheduleWorkspaceData(ScheduleStore store) {
    this.store = store;
  }

  /** Every key family the scheduler writes ({@link ScheduleStore}); the shared due index and claims name workspaces. */
  @Override
  public List<KeyFamily> keyFamilies() {
    return KeyFamily.table("""
        rapport:{team}:schedule:defs
        rapport:{team}:schedule:done:{occurrence...}
        rapport:{schedule}:due                        WORKSPACE
        rapport:{schedule}:claims                     WORKSPACE
        """);
  }

  @EventListener
  void erase(WorkspaceUninstalled uninstalled) {
    String team = uninstalled.team();
    store.deleteWorkspace(team);
  }
}
