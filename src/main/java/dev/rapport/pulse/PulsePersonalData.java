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
 * that keep one, and in an open period they are no longer invited and where their invitation landed is no
 * longer kept. Their answers were never linked to them; an answer already sealed stays in the totals, unlinkable.
 *
 * <p>Their voter hash, if they answered, is left to go with the period's keys at its close: removing it would
 * write it into Redis's history (AOF, replicas) next to the other modules' erasure of their id, and the
 * history already holds that hash from their answer, so anyone with it could tell they had answered. Without
 * the period key the hash names nobody.
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
        store.uninvite(team, channel, open, periodKeys.invited(user));
        invitations.forget(team, channel, open, periodKeys, user);
      }
    }
  }
}
