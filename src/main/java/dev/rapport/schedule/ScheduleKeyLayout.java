package dev.rapport.schedule;

import static dev.rapport.store.KeyFamily.Names.WORKSPACE;

import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every key family the scheduler writes ({@link ScheduleStore}), and whom each can name. The shared due
 * index and claims name workspaces: {@link ScheduleWorkspaceData} drops an uninstalled one's entries.
 */
@Component
class ScheduleKeyLayout implements KeyLayout {

  @Override
  public List<KeyFamily> keyFamilies() {
    return List.of(
        KeyFamily.of("rapport:{team}:schedule:defs"),
        KeyFamily.of("rapport:{team}:schedule:done:{occurrence...}"),
        KeyFamily.of("rapport:{schedule}:due", WORKSPACE),
        KeyFamily.of("rapport:{schedule}:claims", WORKSPACE));
  }
}
