package dev.rapport.pulse;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.DeliveryListener;
import dev.rapport.outbox.Outbox;
import dev.rapport.store.Aead;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Invitations that say "closed" once their period closed. The outbox tells where each invitation landed (the
 * DM and the message's ts); while the period is open that is kept sealed under the period key (it says who
 * was invited, never who answered), and when the period begins closing every invitation is updated to the
 * same message, whoever answered, so the updates tell nothing about who did. An invitation that lands after
 * its period began closing is updated at once. Reminders are left as they are: they may have gone only to
 * those who hadn't answered, so updating them would say who had; their button says the period closed.
 */
@Component
class Invitations implements DeliveryListener {

  static final String TAG = "pulse-invitation";
  private static final Logger log = LoggerFactory.getLogger(Invitations.class);

  private final PulseStore store;
  private final PulseKeys keys;
  private final Outbox outbox;
  private final PulseSettings settings;

  Invitations(PulseStore store, PulseKeys keys, Outbox outbox, PulseSettings settings) {
    this.store = store;
    this.keys = keys;
    this.outbox = outbox;
    this.settings = settings;
  }

  /** The invitation of {@code period} to {@code user}, tagged so that this hears where it landed. */
  static Delivery tagged(Delivery invitation, String channel, String period) {
    return invitation.withTag(TAG, Map.of("channel", channel, "period", period));
  }

  @Override
  public String tag() {
    return TAG;
  }

  @Override
  public void delivered(Delivery delivery, String dm, String ts) {
    String team = delivery.team();
    String channel = delivery.context().get("channel");
    String id = delivery.context().get("period");
    // An invitation is a post to the person's user id: the app's DM with them.
    if (channel == null || id == null || dm == null || ts == null || !(delivery instanceof Delivery.Post invitation)) {
      return;
    }
    Period period = store.period(team, channel, id).orElse(null);
    PeriodKeys periodKeys = period == null || !period.isOpen() ? null : keys.period(team, channel, id).orElse(null);
    if (periodKeys != null && store.landed(team, channel, id,
        periodKeys.sealLanding(new PeriodKeys.Landing(invitation.channel(), dm, ts)))) {
      return;
    }
    if (period != null) {
      outbox.send(closed(team, channel, period, dm, ts));
    }
  }

  /**
   * A period is closing: every invitation that landed is updated to "closed", the same for all. Safe to run
   * again (the updates have fixed ids); call it while the period key still exists.
   */
  void closing(String team, String channel, Period period, PeriodKeys periodKeys) {
    List<String> landings = store.landings(team, channel, period.id());
    if (landings.isEmpty()) {
      return;
    }
    Outbox.Batch updates = outbox.batch();
    int broken = 0;
    for (String sealed : landings) {
      PeriodKeys.Landing landing;
      try {
        landing = periodKeys.openLanding(sealed);
      } catch (Aead.SealBrokenException | IllegalArgumentException e) {
        broken++;
        continue;
      }
      updates.add(closed(team, channel, period, landing.channel(), landing.ts()));
    }
    updates.finish();
    if (broken > 0) {
      log.warn("Pulse period {} in {} of {}: {} landed invitation(s) did not open and stay as they are",
          period.id(), channel, team, broken);
    }
  }

  /** Forget-me: where {@code user}'s invitation to the open period landed is no longer kept. */
  void forget(String team, String channel, String period, PeriodKeys periodKeys, String user) {
    for (String sealed : store.landings(team, channel, period)) {
      try {
        if (periodKeys.openLanding(sealed).user().equals(user)) {
          store.forgetLanding(team, channel, period, sealed);
        }
      } catch (Aead.SealBrokenException | IllegalArgumentException e) {
        // not one this app sealed for the period: nobody's
      }
    }
  }

  private Delivery closed(String team, String channel, Period period, String dm, String ts) {
    return Delivery.update(team, dm, ts, "pulse:closed:" + keys.noticeId(team, dm, ts),
        PulseMessages.closedText(channel), PulseMessages.closed(channel, period.opened(), settings.minResponses()))
        .about("pulse", null, "pulse invitation marked closed");
  }
}
