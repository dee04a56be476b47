package dev.rapport.pulse;

import dev.rapport.people.Profiles;
import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.CadenceParser;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.ChannelMembership;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackDates;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The admin side of a channel's pulse: start (or change its cadence), stop, close the open period now. */
@Component
class PulseAdmin {

  private final PulseStore store;
  private final Schedules schedules;
  private final TeamMembers members;
  private final Profiles profiles;
  private final PulseKeys keys;
  private final PeriodClosing closing;
  private final PulseSettings settings;
  private final AnswerLater later;
  private final PeriodJob periods;
  private final ChannelMembership membership;
  private final Clock clock;

  PulseAdmin(PulseStore store, Schedules schedules, TeamMembers members, Profiles profiles, PulseKeys keys,
             PeriodClosing closing, PulseSettings settings, AnswerLater later, PeriodJob periods,
             ChannelMembership membership, Clock clock) {
    this.membership = membership;
    this.store = store;
    this.schedules = schedules;
    this.members = members;
    this.profiles = profiles;
    this.keys = keys;
    this.closing = closing;
    this.settings = settings;
    this.later = later;
    this.periods = periods;
    this.clock = clock;
  }

  Reply start(CommandCall call) throws SlackCallException {
    String team = call.caller().team();
    String channel = inChannel(call);
    if (call.args().isEmpty()) {
      throw new UserError("Tell me when each period opens, e.g. `/pulse start " + CadenceParser.EXAMPLE
          + "`. Each period closes when the next one opens.");
    }
    ZoneId zone = profiles.zone(team, call.caller().user());
    Cadence cadence = CadenceParser.parse(call.args(), zone, LocalDate.ofInstant(clock.instant(), zone));
    if (!keys.ready()) {
      throw new UserError(PulseKeys.MISSING);
    }
    // Counting a big channel's people reads its members and profiles from Slack: after the ack.
    AnswerLater.ifOnAckPath(":hourglass_flowing_sand: Counting the people in <#" + channel + "> before I start the "
        + "pulse…");
    return start(team, channel, cadence);
  }

  private Reply start(String team, String channel, Cadence cadence) throws SlackCallException {
    membership.require(team, channel, "Nothing was changed.");
    int k = settings.minResponses();
    int people = members.humans(team, channel).size();
    if (people < k) {
      throw new UserError(tooFew("start a pulse", people, k));
    }
    PulseStore.Config before = store.config(team, channel);
    boolean replacing = before.active();
    Instant first = schedules.put(team, PeriodJob.KIND, channel, cadence, Map.of());
    store.activate(team, channel, cadence.zone(), cadence.describe());
    return Reply.text(":bar_chart: " + (replacing ? "Pulse schedule changed" : "Pulse started") + " in <#"
        + channel + ">: a new period opens " + cadence.describe() + " and closes when the next one opens. "
        + "The " + (replacing ? "next" : "first") + " opens " + SlackDates.moment(first) + "; then "
        + "each of the " + people + " people here gets a DM with four questions, and one reminder before it "
        + "closes." + keepOpen(team, channel, before.openPeriod(), first)
        + "\nAnswers are anonymous: results appear after a period closes, and only with at least " + k
        + " answers. Add managers who may read them with `/pulse managers add @someone`.");
  }

  /**
   * The cadence changed while a period is open: it keeps its answers and stays open until the new schedule
   * opens its first period, which closes it; its reminder moves with it. Says so ("" when none is open).
   */
  private String keepOpen(String team, String channel, String openId, Instant first) {
    Period open = openId == null ? null : store.period(team, channel, openId).orElse(null);
    if (open == null || !open.isOpen() || !store.reschedule(team, channel, open.id(), first,
        first.plus(PeriodJob.SECRETS_GRACE))) {
      return "";
    }
    Period moved = store.period(team, channel, open.id()).orElse(open);
    boolean reminder = periods.planReminder(team, channel, moved);
    return "\nThe open period (opened " + SlackDates.day(open.opened()) + ") stays open with the answers it has "
        + "and now closes " + SlackDates.moment(first) + ", when the new schedule opens its first period; "
        + (reminder ? "its reminder moves with it." : "that leaves no time for its reminder, so none goes out.");
  }

  Reply stop(CommandCall call) {
    String team = call.caller().team();
    String channel = inChannel(call);
    PulseStore.Config config = store.config(team, channel);
    if (!config.active() && config.openPeriod() == null) {
      throw new UserError("There's no pulse running in this channel, so there is nothing to stop.");
    }
    schedules.remove(team, PeriodJob.KIND, channel);
    schedules.remove(team, ReminderJob.KIND, channel);
    store.deactivate(team, channel);
    if (config.openPeriod() == null) {
      return Reply.text(stopped(channel, ""));
    }
    // Closing tallies every sealed answer of the period: in the background, not before the ack.
    later.answer("/pulse stop", call.responseUrl(),
        () -> Reply.text(stopped(channel, closeNow(team, channel, config.openPeriod()) + " ")));
    return Reply.text(":octagonal_sign: Pulse stopped in <#" + channel + ">: no new periods. Closing the open "
        + "one…");
  }

  private static String stopped(String channel, String closed) {
    return ":octagonal_sign: Pulse stopped in <#" + channel + ">. " + closed
        + "Past results stay available with `/pulse report`; `/pulse start` begins again.";
  }

  Reply close(CommandCall call) {
    String team = call.caller().team();
    String channel = inChannel(call);
    PulseStore.Config config = store.config(team, channel);
    if (config.openPeriod() == null) {
      throw new UserError("No pulse period is open in this channel right now, so there is nothing to close.");
    }
    later.answer("/pulse close", call.responseUrl(), () -> {
      String closed = closeNow(team, channel, config.openPeriod());
      String next = schedules.nextDue(team, PeriodJob.KIND, channel)
          .map(at -> " The next period opens " + SlackDates.moment(at) + ".").orElse("");
      return Reply.text(":lock: " + closed + next);
    });
    return Reply.text(":lock: Closing the open pulse period of <#" + channel + "> and adding up its answers…");
  }

  private String closeNow(String team, String channel, String period) {
    closing.close(team, channel, period, clock.instant());
    schedules.remove(team, ReminderJob.KIND, channel);
    return closed(team, channel, period);
  }

  /** What became of a period that closed: "The period that opened … is closed; its results are ready…". */
  String closed(String team, String channel, String period) {
    Period p = store.period(team, channel, period).orElse(null);
    if (p == null) {
      return "The open period was closed.";
    }
    PeriodResult result = store.result(team, channel, p, settings.minResponses());
    String closed = "The period that opened " + SlackDates.day(p.opened()) + " is closed";
    return closed + switch (result.disclosure()) {
      case WITHHELD -> "; its results are withheld (see `/pulse report` for why).";
      case TOO_FEW -> " with fewer than " + settings.minResponses() + " answers, so its results stay hidden to "
          + "keep them anonymous.";
      default -> "; its results are ready with `/pulse report`.";
    };
  }

  /** Why a channel with fewer than k people gets no pulse; {@code what} is "start a pulse", "open a period". */
  static String tooFew(String what, int people, int k) {
    return ":lock: I can't " + what + " here: this channel has " + people + (people == 1 ? " person" : " people")
        + " and a pulse needs at least " + k + ". Results are only shown when at least " + k + " people answer, "
        + "so that nobody's answers can be singled out; with fewer members, that could never happen or would be "
        + "too close to call. Nothing was changed.";
  }

  static String inChannel(CommandCall call) {
    return call.requireChannel(typed -> "A pulse belongs to a channel: run " + typed + " in the team's channel.");
  }
}
