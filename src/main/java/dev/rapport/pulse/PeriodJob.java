package dev.rapport.pulse;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.ScheduledJob;
import dev.rapport.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each occurrence of a channel's pulse cadence: closes the open period, opens the next one, invites every
 * human member by DM through the outbox, and plans the one reminder. Safe to run again for the same
 * occurrence: the period opens once, invitations have keys, the reminder is replaced.
 */
@Component
class PeriodJob implements ScheduledJob {

  static final String KIND = "pulse";
  private static final Logger log = LoggerFactory.getLogger(PeriodJob.class);

  private final PulseStore store;
  private final TeamMembers members;
  private final PulseHashes hashes;
  private final Outbox outbox;
  private final Schedules schedules;
  private final PulseSettings settings;
  private final Clock clock;

  PeriodJob(PulseStore store, TeamMembers members, PulseHashes hashes, Outbox outbox, Schedules schedules,
            PulseSettings settings, Clock clock) {
    this.store = store;
    this.members = members;
    this.hashes = hashes;
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
    if (config.openPeriod() != null && !config.openPeriod().equals(id)) {
      store.close(team, channel, config.openPeriod(), clock.instant());
      log.info("Pulse period {} closed in {} of {}", config.openPeriod(), channel, team);
    }
    List<String> people = members.humans(team, channel);
    Instant closes = occurrence.schedule().cadence().next(occurrence.dueAt());
    Period planned = new Period(id, occurrence.dueAt(), closes, null, people.size());
    if (store.open(team, channel, planned, occurrence.dueAt().plus(settings.retention()))) {
      log.info("Pulse period {} opened in {} of {} ({} invited)", id, channel, team, people.size());
    }
    Period period = store.period(team, channel, id).orElse(null);
    if (period == null || !period.isOpen()) {
      return;
    }
    invite(team, channel, period, people, config);
    planReminder(team, channel, period);
  }

  private void invite(String team, String channel, Period period, List<String> people, PulseStore.Config config) {
    Outbox.Batch invitations = outbox.batch();
    for (String user : people) {
      String key = "pulse:invite:" + hashes.delivery("invite", team, channel, period.id(), user);
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
