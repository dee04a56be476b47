package dev.rapport.pulse;

import dev.rapport.schedule.CadenceParser;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.ChannelMembership;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackDates;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /pulse now}: a period right away, like {@code /coffee now}. The open period, if any, closes first
 * (its answers are tallied as at any close). The new one closes at the next scheduled opening, or, when that
 * is less than half a period away, the opening is skipped and it closes at the one after; the schedule itself
 * never changes. The reply says what happened to both.
 */
@Component
class PulseNow {

  private final PulseStore store;
  private final Schedules schedules;
  private final TeamMembers members;
  private final PulseKeys keys;
  private final PeriodJob periods;
  private final PulseAdmin admin;
  private final PulseSettings settings;
  private final AnswerLater later;
  private final ChannelMembership membership;
  private final Clock clock;

  PulseNow(PulseStore store, Schedules schedules, TeamMembers members, PulseKeys keys, PeriodJob periods,
           PulseAdmin admin, PulseSettings settings, AnswerLater later, ChannelMembership membership, Clock clock) {
    this.store = store;
    this.schedules = schedules;
    this.members = members;
    this.keys = keys;
    this.periods = periods;
    this.admin = admin;
    this.settings = settings;
    this.later = later;
    this.membership = membership;
    this.clock = clock;
  }

  Reply now(CommandCall call) {
    String team = call.caller().team();
    String channel = PulseAdmin.inChannel(call);
    PulseStore.Config config = store.config(team, channel);
    Schedule schedule = config.active() ? schedules.get(team, PeriodJob.KIND, channel).orElse(null) : null;
    if (schedule == null || schedule.cadence() == null) {
      throw new UserError(":bar_chart: There's no pulse in this channel yet, so there is no period to open. Start "
          + "one with `/pulse start " + CadenceParser.EXAMPLE + "`; then `/pulse now` opens its first period "
          + "right away instead of waiting for the schedule.");
    }
    if (!keys.ready()) {
      throw new UserError(PulseKeys.MISSING);
    }
    if (Period.idFor(clock.instant()).equals(config.openPeriod())) {
      throw new UserError(":hourglass_flowing_sand: A pulse period opened in <#" + channel + "> less than a "
          + "minute ago and is open now, so nothing was changed.");
    }
    // Counting the channel's people reads Slack, and closing the open period tallies its answers.
    later.answer("/pulse now", call.responseUrl(), () -> Reply.text(open(team, channel, schedule)));
    return Reply.text(":hourglass_flowing_sand: Opening a pulse period in <#" + channel + "> now…");
  }

  private String open(String team, String channel, Schedule schedule) throws SlackCallException {
    membership.require(team, channel, "Nothing was changed.");
    // Read once: the count checked here is the one invited.
    List<String> people = members.humans(team, channel);
    if (people.size() < settings.minResponses()) {
      throw new UserError(PulseAdmin.tooFew("open a pulse period", people.size(), settings.minResponses()));
    }
    String before = store.config(team, channel).openPeriod();
    PeriodJob.Now now = periods.openNow(team, channel, schedule, people);
    Period period = now.opened().period();
    StringBuilder text = new StringBuilder();
    if (before != null && !before.equals(period.id())) {
      text.append(":lock: A period was open, so it closed first. ").append(admin.closed(team, channel, before))
          .append('\n');
    }
    text.append(":bar_chart: A pulse period opened in <#").append(channel).append("> just now: each of the ")
        .append(now.opened().people()).append(" people here is getting a DM with four questions. It closes ")
        .append(SlackDates.moment(period.closes()));
    if (now.skipped() == null) {
      text.append(", when the next period opens as scheduled.");
    } else {
      text.append(": the opening scheduled for ").append(SlackDates.moment(now.skipped())).append(" is skipped, "
          + "since it would have closed this period after only ")
          .append(length(Duration.between(period.opened(), now.skipped())))
          .append(". The schedule carries on from there.");
    }
    return text.append(" One reminder goes out before it closes.").toString();
  }

  private static String length(Duration d) {
    long hours = Math.max(1, d.toHours());
    return hours < 48 ? hours + (hours == 1 ? " hour" : " hours") : d.toDays() + " days";
  }
}
