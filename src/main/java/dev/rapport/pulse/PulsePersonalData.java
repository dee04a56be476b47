package dev.rapport.pulse;

import dev.rapport.people.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Forget-me for the pulse: a person stops managing any team. Their answers were never linked to them,
 * so there is nothing else to erase (voter hashes are keyed and gone when a period closes).
 */
@Component
class PulsePersonalData implements PersonalData {

  private final PulseStore store;

  PulsePersonalData(PulseStore store) {
    this.store = store;
  }

  @Override
  public void forget(String team, String user) {
    for (String channel : store.channels(team)) {
      store.removeManager(team, channel, user);
    }
  }
}
