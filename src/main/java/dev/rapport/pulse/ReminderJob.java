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
 * The one reminder of a period, before it closes, to the invited who have not answered. Who has answered is
 * worked out here, in memory, from the hashes under the period key; it is never stored or logged.
 *
 * <p>The outbox must name each recipient while it delivers, so for that moment Redis shows who was
 * reminded, and so who had answered by then. To keep that from pinning answers on a small group, the
 * reminder goes only to those who haven't answered when at least k have and at least k haven't; otherwise
 * it goes to everyone in the channel, with a wording that fits both.
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
  private final PulseSettings settings;
  private final Schedules schedules;

  ReminderJob(PulseStore store, TeamMembers members, PulseKeys keys, Outbox outbox, PulseSettings settings,
              Schedules schedules) {
    this.store = store;
    this.members = members;
    this.keys = keys;
    this.outbox = outbox;
    this.settings = settings;
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

  /**
   * Who gets the reminder, among the channel's people who were invited to the period: see the class
   * comment. Empty when all of them have answered.
   */
  List<String> recipients(String team, String channel, String period, PeriodKeys periodKeys, List<String> people) {
    Map<String, String> invitedHash = new LinkedHashMap<>();
    Map<String, String> voterHash = new LinkedHashMap<>();
    people.forEach(user -> {
      invitedHash.put(user, periodKeys.invited(user));
      voterHash.put(user, periodKeys.voter(user));
    });
    Set<String> invited = store.invited(team, channel, period, List.copyOf(invitedHash.values()));
    List<String> eligible = people.stream().filter(user -> invited.contains(invitedHash.get(user))).toList();
    Set<String> answered = store.answered(team, channel, period,
        eligible.stream().map(voterHash::get).toList());
    List<String> pending = eligible.stream().filter(user -> !answered.contains(voterHash.get(user))).toList();
    if (pending.isEmpty()) {
      return List.of();
    }
    int k = settings.minResponses();
    int done = eligible.size() - pending.size();
    return done >= k && pending.size() >= k ? pending : eligible;
  }
}
