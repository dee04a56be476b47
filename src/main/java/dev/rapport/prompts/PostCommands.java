package dev.rapport.prompts;

import dev.rapport.people.Profiles;
import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.CadenceParser;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.ChannelMembership;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackDates;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.Subcommand;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Posting prompts: {@code /empathy} and {@code /empathy <strategy>} now, and, for admins, {@code start} /
 * {@code stop} a schedule in the channel (the shared cadence grammar; the admin's time zone by default).
 * {@code start} asks Slack, after the ack, whether Rapport is in the channel, and remembers who scheduled
 * the prompts, so that they hear when one can't be posted ({@link PromptJob#failed}).
 */
@Component
class PostCommands implements SlackFeature {

  private final OnDemandPost onDemand;
  private final PromptLibrary library;
  private final Schedules schedules;
  private final Profiles profiles;
  private final ChannelMembership membership;
  private final ScheduledBy scheduledBy;
  private final Clock clock;

  PostCommands(OnDemandPost onDemand, PromptLibrary library, Schedules schedules, Profiles profiles,
               ChannelMembership membership, ScheduledBy scheduledBy, Clock clock) {
    this.onDemand = onDemand;
    this.library = library;
    this.schedules = schedules;
    this.profiles = profiles;
    this.membership = membership;
    this.scheduledBy = scheduledBy;
    this.clock = clock;
  }

  @Override
  public List<Subcommand> subcommands() {
    List<Subcommand> subs = new ArrayList<>();
    subs.add(Subcommand.everyone("/empathy", "", "", "Post a prompt in this channel now (the four strategies "
        + "take turns)", call -> onDemand.post(call, null)));
    for (Strategy s : Strategy.values()) {
      subs.add(Subcommand.everyone("/empathy", s.id(), "", "Post a prompt for *" + s.label().toLowerCase()
          + "* now", call -> onDemand.post(call, s)));
    }
    subs.add(Subcommand.admin("/empathy", "start", "<cadence> [strategy]", "Post prompts in this channel on a "
        + "schedule, e.g. `/empathy start every week on mon at 10:00 listening`", this::start));
    subs.add(Subcommand.admin("/empathy", "stop", "", "Stop the scheduled prompts in this channel", this::stop));
    return subs;
  }

  Reply start(CommandCall call) throws SlackCallException {
    String team = call.caller().team();
    String channel = requireChannel(call);
    if (call.args().isEmpty()) {
      throw new UserError(":calendar: When should prompts be posted here? For example `/empathy start "
          + CadenceParser.EXAMPLE + "`, optionally followed by a strategy (" + Strategy.choices() + ").");
    }
    ZoneId zone = profiles.zone(team, call.caller().user());
    CadenceParser.Parsed parsed = CadenceParser.parseLeading(call.args(), zone, LocalDate.now(clock.withZone(zone)));
    Cadence cadence = parsed.cadence();
    if (parsed.rest().size() > 1) {
      throw new UserError(":calendar: I understood *" + cadence.describe() + "* but not "
          + Mrkdwn.echo(String.join(" ", parsed.rest())) + " after it. Add at most one strategy: "
          + Strategy.choices() + ".");
    }
    Strategy strategy = parsed.rest().isEmpty() ? null : Strategy.require(parsed.rest().get(0));
    if (strategy != null && library.available(team, strategy).isEmpty()) {
      throw new UserError(":warning: This workspace removed every *" + strategy.label() + "* prompt, so "
          + "there's nothing to schedule. Add one with `/empathy add " + strategy.id() + " &lt;text&gt;` "
          + "first.");
    }
    // Finding out at the due time that Rapport can't post here would be too late: ask Slack, after the ack.
    AnswerLater.ifOnAckPath(":hourglass_flowing_sand: Checking that I can post in <#" + channel + ">…");
    membership.require(team, channel, "Nothing was scheduled.");
    boolean replacing = schedules.get(team, PromptJob.KIND, channel).isPresent();
    Instant first = schedules.put(team, PromptJob.KIND, channel, cadence,
        strategy == null ? Map.of() : Map.of("strategy", strategy.id()));
    scheduledBy.set(team, channel, call.caller().user());
    String which = strategy == null ? "prompts (the four strategies take turns)"
        : "*" + strategy.label() + "* prompts";
    return Reply.text(":calendar: " + (replacing ? "Changed: " : "") + "Rapport will post " + which + " here "
        + cadence.describe() + ". The first one comes " + SlackDates.moment(first) + ".\n"
        + "Replies in the thread and reactions are counted for `/empathy stats`, never what anyone wrote. "
        + "If a prompt can't be posted, I'll tell you. Stop with `/empathy stop`.");
  }

  Reply stop(CommandCall call) {
    String team = call.caller().team();
    String channel = requireChannel(call);
    Optional<Schedule> existing = schedules.get(team, PromptJob.KIND, channel);
    if (existing.isEmpty()) {
      return Reply.text("There are no scheduled prompts in this channel, so nothing changed. Start some with "
          + "`/empathy start " + CadenceParser.EXAMPLE + "`.");
    }
    schedules.remove(team, PromptJob.KIND, channel);
    scheduledBy.remove(team, channel);
    return Reply.text(":white_check_mark: Stopped the scheduled prompts in this channel (they were "
        + existing.get().cadence().describe() + "). `/empathy` still posts one whenever you like.");
  }

  private static String requireChannel(CommandCall call) {
    return call.requireChannel(typed -> ":point_right: Run " + typed + " in the channel where the prompts are "
        + "posted, not in a direct message.");
  }
}
