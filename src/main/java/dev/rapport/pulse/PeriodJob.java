package dev.rapport.pulse;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.ScheduledJob;
import dev.rapport.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each occurrence of a channel's pulse cadence: closes the open period, opens the next one with a fresh
 * period key and its human members as the invited, invites them by DM through the outbox, and plans the
 * one reminder. Safe to run again for the same occurrence: the period opens once (with the people and key
 * of its first run), invitations have keys, the reminder is replaced.
 */
@Component
class PeriodJob implements ScheduledJob {

  static final String KIND = "pulse";
  private static final Logger log = LoggerFactory.getLogger(PeriodJob.class);

  /** How long the keys and sealed answers of a period outlive its planned close if it never closes. */
  static final Duration SECRETS_GRACE = Duration.ofDays(30);

  private final PulseStore store;
  private final TeamMembers members;
  private final PulseKeys keys;
  private final PeriodClosing closing;
  private final Outbox outbox;
  private final Schedules schedules;
  private final PulseSettings settings;
  private final Clock clock;

  PeriodJob(PulseStore store, TeamMembers members, PulseKeys keys, PeriodClosing closing, Outbox outbox,
            Schedules schedules, PulseSettings settings, Clock clock) {
    this.store = store;
    this.members = members;
    this.keys = keys;
    this.closing = closing;
    this.outbox = outbox;
    this.schedules = schedules;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Occurrence occurrence) throws Exception {
    String team = occurrence.schedule().team();
    String channel = occurrence.schedule().target();
    PulseStore.Config config = store.config(team, channel);
    if (!config.active()) {
      return;
    }
    String id = Period.idFor(occurrence.dueAt());
    if (!keys.ready()) {
      log.warn("Pulse in {} of {}: RAPPORT_PULSE_SECRET is not set, so period {} did not open (and the open one, "
          + "if any, did not close)", channel, team, id);
      return;
    }
    if (config.openPeriod() != null && !config.openPeriod().equals(id)) {
      closing.close(team, channel, config.openPeriod(), clock.instant());
      log.info("Pulse period {} closed in {} of {}", config.openPeriod(), channel, team);
    }
    List<String> people = members.humans(team, channel);
    Instant closes = occurrence.schedule().cadence().next(occurrence.dueAt());
    PeriodKeys fresh = PeriodKeys.fresh(team, channel, id);
    if (store.open(team, channel, Period.planned(id, occurrence.dueAt(), closes, people.size()),
        occurrence.dueAt().plus(settings.retention()), closes.plus(SECRETS_GRACE),
        keys.wrap(team, channel, id, fresh), people.stream().map(fresh::invited).toList(),
        people.stream().map(user -> keys.memberDigest(team, user)).toList())) {
      log.info("Pulse period {} opened in {} of {} ({} invited)", id, channel, team, people.size());
    }
    Period period = store.period(team, channel, id).orElse(null);
    PeriodKeys periodKeys = period == null || !period.isOpen() ? null
        : keys.period(team, channel, id).orElse(null);
    if (periodKeys == null) {
      return;
    }
    invite(team, channel, period, periodKeys, people, config);
    planReminder(team, channel, period);
  }

  /** DMs the invited; on a re-run, people who joined since the first run are not invited to this period. */
  private void invite(String team, String channel, Period period, PeriodKeys periodKeys, List<String> people,
                      PulseStore.Config config) {
    Map<String, String> hashOf = new LinkedHashMap<>();
    people.forEach(user -> hashOf.put(user, periodKeys.invited(user)));
    Set<String> invited = store.invited(team, channel, period.id(), List.copyOf(hashOf.values()));
    Outbox.Batch invitations = outbox.batch();
    for (String user : people) {
      if (!invited.contains(hashOf.get(user))) {
        continue;
      }
      String key = "pulse:invite:" + periodKeys.delivery("invite", user);
      invitations.add(Delivery.post(team, user, key,
          PulseMessages.invitationText(channel, period.closes(), config.zone()),
          PulseMessages.invitation(channel, period.id(), period.closes(), config.zone())));
    }
    invitations.finish();
  }

  private void planReminder(String team, String channel, Period period) {
    Duration length = Duration.between(period.opened(), period.closes());
    Duration before = settings.remindBefore().compareTo(length.dividedBy(2)) < 0
        ? settings.remindBefore() : length.dividedBy(2);
    Instant at = period.closes().minus(before);
    if (at.isAfter(clock.instant())) {
      schedules.once(team, ReminderJob.KIND, channel, at, Map.of(ReminderJob.PERIOD, period.id()));
    }
  }
}
