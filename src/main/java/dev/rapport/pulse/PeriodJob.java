package dev.rapport.pulse;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.ScheduledJob;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.UserError;
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
 * Each occurrence of a channel's pulse cadence (and {@code /pulse now}): closes the open period, opens the
 * next one with a fresh period key and its human members as the invited, invites them by DM through the
 * outbox, and plans the one reminder. Safe to run again for the same occurrence: the period opens once (with
 * the people and key of its first run), invitations have keys, the reminder is replaced. An occurrence that
 * comes while a period {@code /pulse now} opened is planned to close later is skipped.
 */
@Component
class PeriodJob implements ScheduledJob {

  static final String KIND = "pulse";
  private static final Logger log = LoggerFactory.getLogger(PeriodJob.class);

  /** How long the keys and sealed answers of a period outlive its planned close if it never closes. */
  static final Duration SECRETS_GRACE = Duration.ofDays(30);

  /** A period that was opened (or found open, on a re-run) and how many people it invited. */
  record Opened(Period period, int people) {}

  /** What {@code /pulse now} opened, and the scheduled opening it skipped (null when none). */
  record Now(Opened opened, Instant skipped) {}

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
    String team = occurrence.team();
    String channel = occurrence.target();
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
    Period open = config.openPeriod() == null || config.openPeriod().equals(id) ? null
        : store.period(team, channel, config.openPeriod()).orElse(null);
    if (open != null && open.isOpen() && open.early() && open.closes().isAfter(occurrence.dueAt())) {
      log.info("Pulse in {} of {}: the opening due {} is skipped; period {} runs until {}", channel, team,
          occurrence.dueAt(), open.id(), open.closes());
      return;
    }
    Cadence cadence = occurrence.schedule().cadence();
    if (open(team, channel, members.humans(team, channel), occurrence.dueAt(), cadence.next(occurrence.dueAt()),
        cadence, false) == null) {
      log.info("Pulse in {} of {}: another period opened while period {} was due; it stays closed", channel, team,
          id);
    }
  }

  /**
   * Closes the open period (if it is another) and opens the one that opens at {@code opens}, until
   * {@code closes}, for {@code people} (the channel's humans); returns it, or null when another period opened
   * meanwhile (nothing changed then).
   */
  Opened open(String team, String channel, List<String> people, Instant opens, Instant closes, Cadence cadence,
              boolean early) throws SlackCallException {
    String id = Period.idFor(opens);
    String before = store.config(team, channel).openPeriod();
    if (before != null && !before.equals(id)) {
      closing.close(team, channel, before, clock.instant());
      log.info("Pulse period {} closed in {} of {}", before, channel, team);
    }
    PeriodKeys fresh = PeriodKeys.fresh(team, channel, id);
    Period planned = Period.planned(id, opens, closes, people.size(), early);
    PulseStore.Opening opening = store.open(team, channel, before, planned,
        opens.plus(settings.retention()), closes.plus(SECRETS_GRACE), keys.wrap(team, channel, id, fresh),
        people.stream().map(fresh::invited).toList(),
        people.stream().map(user -> keys.memberDigest(team, user)).toList());
    if (opening == PulseStore.Opening.ANOTHER_OPEN) {
      return null;
    }
    if (opening == PulseStore.Opening.OPENED) {
      log.info("Pulse period {} opened in {} of {} ({} invited)", id, channel, team, people.size());
    }
    Period period = store.period(team, channel, id).orElse(null);
    PeriodKeys periodKeys = period == null || !period.isOpen() ? null
        : keys.period(team, channel, id).orElse(null);
    if (periodKeys == null) {
      return period == null ? null : new Opened(period, period.invited());
    }
    invite(team, channel, period, periodKeys, people, cadence);
    planReminder(team, channel, period);
    return new Opened(period, period.invited());
  }

  /**
   * {@code /pulse now}: opens a period right away on the channel's schedule. It closes at the next scheduled
   * opening, unless that comes in less than half a usual period: then that opening is skipped and it closes
   * at the one after. {@code people}: the channel's humans, as {@link TeamMembers#humans} read them. Returns the
   * period and the opening skipped (or null).
   */
  Now openNow(String team, String channel, Schedule schedule, List<String> people) throws SlackCallException {
    Instant now = clock.instant();
    Cadence cadence = schedule.cadence();
    Instant next = cadence.next(now);
    Instant after = cadence.next(next);
    boolean skip = Duration.between(now, next).compareTo(Duration.between(next, after).dividedBy(2)) < 0;
    Opened opened = open(team, channel, people, now, skip ? after : next, cadence, true);
    if (opened == null || !opened.period().isOpen()) {
      throw new UserError(":hourglass_flowing_sand: Another pulse period of <#" + channel + "> opened or closed "
          + "just now, so nothing was changed. Try again in a minute.");
    }
    return new Now(opened, skip ? next : null);
  }

  /** DMs the invited; on a re-run, people who joined since the first run are not invited to this period. */
  private void invite(String team, String channel, Period period, PeriodKeys periodKeys, List<String> people,
                      Cadence cadence) {
    Map<String, String> hashOf = new LinkedHashMap<>();
    people.forEach(user -> hashOf.put(user, periodKeys.invited(user)));
    Set<String> invited = store.invited(team, channel, period.id(), List.copyOf(hashOf.values()));
    Outbox.Batch invitations = outbox.batch();
    for (String user : people) {
      if (!invited.contains(hashOf.get(user))) {
        continue;
      }
      String key = "pulse:invite:" + periodKeys.delivery("invite", user);
      invitations.add(Invitations.tagged(Delivery.post(team, user, key,
          PulseMessages.invitationText(channel, period.closes()),
          PulseMessages.invitation(channel, period.id(), period.closes(), cadence))
          .about("pulse", null, "pulse invitation"), channel, period.id()));
    }
    invitations.finish();
  }

  /**
   * Plans the period's one reminder before it closes, or plans it again when its close moved; false (and no
   * reminder planned) when that time has passed.
   */
  boolean planReminder(String team, String channel, Period period) {
    Duration length = Duration.between(period.opened(), period.closes());
    Duration before = settings.remindBefore().compareTo(length.dividedBy(2)) < 0
        ? settings.remindBefore() : length.dividedBy(2);
    Instant at = period.closes().minus(before);
    if (!at.isAfter(clock.instant())) {
      schedules.remove(team, ReminderJob.KIND, channel);
      return false;
    }
    schedules.once(team, ReminderJob.KIND, channel, at, Map.of(ReminderJob.PERIOD, period.id()));
    return true;
  }
}
