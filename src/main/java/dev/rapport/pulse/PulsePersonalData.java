package dev.rapport.pulse;

import dev.rapport.people.MemberForgotten;
import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Forget-me for the pulse: a person stops managing any team, their membership digest leaves the periods
 * that keep one, and in an open period they are no longer invited, carry no mark of having answered, and
 * where their invitation landed is no longer kept.
 * Their answers were never linked to them; an answer already sealed stays in the totals, unlinkable.
 */
@Component
class PulsePersonalData implements KeyLayout {

  private final PulseStore store;
  private final PulseKeys keys;
  private final Invitations invitations;
  private final Clock clock;

  PulsePersonalData(PulseStore store, PulseKeys keys, Invitations invitations, Clock clock) {
    this.store = store;
    this.keys = keys;
    this.invitations = invitations;
    this.clock = clock;
  }

  /**
   * Every key family the pulse writes ({@link PulseStore}), and whom each can name. Digests and sealed records
   * of a person count as naming them; sealed answers, counts and comments never named anyone.
   */
  @Override
  public List<KeyFamily> keyFamilies() {
    return KeyFamily.table("""
        rapport:{team}:pulse:channels
        rapport:{team}:pulse:{channel}:config
        rapport:{team}:pulse:{channel}:managers             PERSON
        rapport:{team}:pulse:{channel}:periods
        rapport:{team}:pulse:{channel}:period:{p}:meta
        rapport:{team}:pulse:{channel}:period:{p}:key
        rapport:{team}:pulse:{channel}:period:{p}:invited   PERSON
        rapport:{team}:pulse:{channel}:period:{p}:voters    PERSON
        rapport:{team}:pulse:{channel}:period:{p}:sealed
        rapport:{team}:pulse:{channel}:period:{p}:landed    PERSON
        rapport:{team}:pulse:{channel}:period:{p}:members   PERSON
        rapport:{team}:pulse:{channel}:period:{p}:counts
        rapport:{team}:pulse:{channel}:period:{p}:comments
        """);
  }

  @EventListener
  void forget(MemberForgotten forgotten) {
    String team = forgotten.team();
    String user = forgotten.user();
    for (String channel : store.channels(team)) {
      store.removeManager(team, channel, user);
      if (!keys.ready()) {
        continue;
      }
      store.forgetMember(team, channel, keys.memberDigest(team, user), clock.instant());
      String open = store.config(team, channel).openPeriod();
      PeriodKeys periodKeys = open == null ? null : keys.period(team, channel, open).orElse(null);
      if (periodKeys != null) {
        store.forgetAnswerer(team, channel, open, periodKeys.invited(user), periodKeys.voter(user));
        invitations.forget(team, channel, open, periodKeys, user);
      }
    }
  }
}
