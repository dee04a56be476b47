package dev.rapport.pulse;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.ScheduledJob;
import dev.rapport.schedule.Schedules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one reminder of a period, before it closes, to everyone invited, with a wording that fits those who
 * answered and those who didn't. Who has answered is worked out here, in memory, from the hashes under the
 * period key, only to skip the reminder when everyone has; it is never stored or logged.
 *
 * <p>The outbox must name each recipient while it delivers, so Redis (its AOF, replicas, backups) records who
 * was reminded. Reminding only those who hadn't answered would record who had, for good: nobody holding that
 * history may be able to tell who answered, so everyone invited is reminded alike.
 */
@Component
class ReminderJob implements ScheduledJob {

  static final String KIND = "pulse-reminder";
  static final String PERIOD = "period";
  private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

  private final PulseStore store;
  private final TeamMembers members;
  private final PulseKeys keys;
  private final Outbox outbox;
  private final Schedules schedules;

  ReminderJob(PulseStore store, TeamMembers members, PulseKeys keys, Outbox outbox, Schedules schedules) {
    this.store = store;
    this.members = members;
    this.keys = keys;
    this.outbox = outbox;
    this.schedules = schedules;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Occurrence occurrence) throws Exception {
    String team = occurrence.team();
    String channel = occurrence.target();
    String id = occurrence.schedule().data().get(PERIOD);
    Period period = id == null ? null : store.period(team, channel, id).orElse(null);
    PeriodKeys periodKeys = period == null || !period.isOpen() || !keys.ready() ? null
        : keys.period(team, channel, id).orElse(null);
    if (periodKeys == null) {
      return;
    }
    List<String> recipients = recipients(team, channel, id, periodKeys, members.humans(team, channel));
    if (recipients.isEmpty()) {
      return;
    }
    Cadence cadence = schedules.get(team, PeriodJob.KIND, channel).map(Schedule::cadence).orElse(null);
    Outbox.Batch reminders = outbox.batch();
    for (String user : recipients) {
      String key = "pulse:remind:" + periodKeys.delivery("remind", user);
      reminders.add(Delivery.post(team, user, key,
          PulseMessages.reminderText(channel, period.closes()),
          PulseMessages.reminder(channel, id, period.closes(), cadence)).about("pulse", null, "pulse reminder"));
    }
    reminders.finish();
    log.info("Pulse reminder for period {} queued in {} of {}", id, channel, team);
  }

  /** Who gets the reminder: every invited person of the channel, or nobody when all of them have answered. */
  List<String> recipients(String team, String channel, String period, PeriodKeys periodKeys, List<String> people) {
    Map<String, String> invitedHash = new LinkedHashMap<>();
    people.forEach(user -> invitedHash.put(user, periodKeys.invited(user)));
    Set<String> invited = store.invited(team, channel, period, List.copyOf(invitedHash.values()));
    List<String> eligible = people.stream().filter(user -> invited.contains(invitedHash.get(user))).toList();
    Set<String> answered = store.answered(team, channel, period, eligible.stream().map(periodKeys::voter).toList());
    return answered.size() == eligible.size() ? List.of() : eligible;
  }
}
