package dev.rapport.pulse;

import dev.rapport.slack.Mentions;
import dev.rapport.people.Profiles;
import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.CadenceParser;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.AckPath;
import dev.rapport.slack.BackgroundWork;
import dev.rapport.slack.ChannelMembership;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The admin side of a channel's pulse: start, stop, close now, and who manages it. */
@Component
class PulseAdmin {

  private final PulseStore store;
  private final Schedules schedules;
  private final TeamMembers members;
  private final Profiles profiles;
  private final PulseKeys keys;
  private final PeriodClosing closing;
  private final PulseSettings settings;
  private final BackgroundWork work;
  private final ChannelMembership membership;
  private final Clock clock;

  PulseAdmin(PulseStore store, Schedules schedules, TeamMembers members, Profiles profiles, PulseKeys keys,
             PeriodClosing closing, PulseSettings settings, BackgroundWork work, ChannelMembership membership,
             Clock clock) {
    this.membership = membership;
    this.store = store;
    this.schedules = schedules;
    this.members = members;
    this.profiles = profiles;
    this.keys = keys;
    this.closing = closing;
    this.settings = settings;
    this.work = work;
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
    AckPath.answerLater(":hourglass_flowing_sand: Counting the people in <#" + channel + "> before I start the "
        + "pulse…");
    return start(team, channel, cadence);
  }

  private Reply start(String team, String channel, Cadence cadence) throws SlackCallException {
    membership.require(team, channel, "Nothing was changed.");
    int k = settings.minResponses();
    int people = members.humans(team, channel).size();
    if (people < k) {
      throw new UserError(":lock: I can't start a pulse here: this channel has " + people
          + (people == 1 ? " person" : " people") + " and a pulse needs at least " + k + ". Results are only "
          + "shown when at least " + k + " people answer, so that nobody's answers can be singled out; with "
          + "fewer members, that could never happen or would be too close to call. Nothing was changed.");
    }
    boolean replacing = store.config(team, channel).active();
    Instant first = schedules.put(team, PeriodJob.KIND, channel, cadence, Map.of());
    store.activate(team, channel, cadence.zone(), cadence.describe());
    return Reply.text(":bar_chart: " + (replacing ? "Pulse schedule changed" : "Pulse started") + " in <#"
        + channel + ">: a new period opens " + cadence.describe() + " and closes when the next one opens. "
        + "The " + (replacing ? "next" : "first") + " opens " + Dates.moment(first, cadence.zone()) + "; then "
        + "each of the " + people + " people here gets a DM with four questions, and one reminder before it "
        + "closes.\nAnswers are anonymous: results appear after a period closes, and only with at least " + k
        + " answers. Add managers who may read them with `/pulse managers add @someone`.");
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
    work.answerLater("/pulse stop", call.responseUrl(),
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
    work.answerLater("/pulse close", call.responseUrl(), () -> {
      String closed = closeNow(team, channel, config.openPeriod());
      String next = schedules.nextDue(team, PeriodJob.KIND, channel)
          .map(at -> " The next period opens " + Dates.moment(at, config.zone()) + ".").orElse("");
      return Reply.text(":lock: " + closed + next);
    });
    return Reply.text(":lock: Closing the open pulse period of <#" + channel + "> and adding up its answers…");
  }

  Reply managers(CommandCall call) {
    String team = call.caller().team();
    String channel = inChannel(call);
    String[] words = call.args().split("\\s+", 2);
    String verb = words[0].toLowerCase(Locale.ROOT);
    if (verb.isEmpty() || verb.equals("list")) {
      Set<String> managers = store.managers(team, channel);
      return Reply.text(managers.isEmpty()
          ? "<#" + channel + "> has no pulse managers yet. Add one with `/pulse managers add @someone`."
          : "Pulse managers of <#" + channel + ">: " + managers.stream().sorted().map(u -> "<@" + u + ">")
              .collect(Collectors.joining(", ")) + ".");
    }
    if (!verb.equals("add") && !verb.equals("remove")) {
      throw new UserError("Use `/pulse managers add @someone`, `/pulse managers remove @someone` or "
          + "`/pulse managers` to list them.");
    }
    List<String> users = Mentions.users(words.length > 1 ? words[1] : "");
    if (users.isEmpty()) {
      throw new UserError("Who? Mention them: `/pulse managers " + verb + " @someone`.");
    }
    for (String user : users) {
      if (verb.equals("add")) {
        store.addManager(team, channel, user);
      } else {
        store.removeManager(team, channel, user);
      }
    }
    String who = users.stream().map(u -> "<@" + u + ">").collect(Collectors.joining(", "));
    return Reply.text(verb.equals("add")
        ? ":busts_in_silhouette: " + who + " can now read the pulse results of <#" + channel + "> (closed periods "
            + "with at least " + settings.minResponses() + " answers only)."
        : ":busts_in_silhouette: " + who + " no longer manage" + (users.size() == 1 ? "s" : "")
            + " the pulse of <#" + channel + ">.");
  }

  private String closeNow(String team, String channel, String period) {
    closing.close(team, channel, period, clock.instant());
    schedules.remove(team, ReminderJob.KIND, channel);
    Period p = store.period(team, channel, period).orElse(null);
    if (p == null) {
      return "The open period was closed.";
    }
    PeriodResult result = store.result(team, channel, p, settings.minResponses());
    String closed = "The period that opened " + Dates.day(p.opened(), store.config(team, channel).zone())
        + " is closed";
    return closed + switch (result.disclosure()) {
      case WITHHELD -> "; its results are withheld (see `/pulse report` for why).";
      case TOO_FEW -> " with fewer than " + settings.minResponses() + " answers, so its results stay hidden to "
          + "keep them anonymous.";
      default -> "; its results are ready with `/pulse report`.";
    };
  }

  static String inChannel(CommandCall call) {
    if (call.caller().inDirectMessage()) {
      throw new UserError("A pulse belongs to a channel: run `" + (call.command() + " " + call.subcommand()).trim()
          + "` in the team's channel.");
    }
    return call.caller().channel();
  }
}
