package dev.rapport.dashboard;

import dev.rapport.people.MemberForgotten;
import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Forget-me signs the person out everywhere ({@link Sessions}); an uninstalled workspace's sessions go with all of
 * {@code rapport:{team}:*}. Sign-ins under way name nobody and expire in 10 minutes.
 */
@Component
class DashboardPersonalData implements KeyLayout {

  private final Sessions sessions;

  DashboardPersonalData(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public List<KeyFamily> keyFamilies() {
    return KeyFamily.table("""
        rapport:{team}:dashboard:session:{digest}     PERSON
        rapport:{team}:dashboard:sessions:{user}      PERSON
        rapport:{dashboard}:signin:{digest}
        """);
  }

  @EventListener
  void forget(MemberForgotten forgotten) {
    sessions.endAll(forgotten.team(), forgotten.user());
  }
}
