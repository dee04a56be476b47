package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.people.Profiles;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackDates;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * What members decide about taking part: join, leave, pause, resume (whom they never meet is
 * {@link AvoidCommands}). In a channel with a program they act on it; anywhere else (a DM, a channel without
 * one) pause and resume act on all the person's programs, and leave acts on their one program or offers a
 * choice.
 */
@Component
class MemberChoices {

  static final String LEAVE = "pairing_leave";
  /** The value of the "leave all of them" button. */
  static final String ALL = "*";

  private final ProgramStore programs;
  private final ChoiceStore choices;
  private final MyCoffee mine;
  private final Profiles profiles;
  private final Clock clock;

  MemberChoices(ProgramStore programs, ChoiceStore choices, MyCoffee mine, Profiles profiles, Clock clock) {
    this.programs = programs;
    this.choices = choices;
    this.mine = mine;
    this.profiles = profiles;
    this.clock = clock;
  }

  Reply join(CommandCall call) {
    Program program = programHere(call);
    choices.join(call.caller().team(), program.channel(), call.caller().user());
    return Reply.text(":wave: You're in <#" + program.channel() + ">'s coffee pairing: " + program.describe()
        + ". See you at the next round!");
  }

  Reply leave(CommandCall call) {
    String team = call.caller().team();
    String user = call.caller().user();
    List<String> channels = here(call).map(p -> List.of(p.channel())).orElseGet(() -> mine(team, user).stream()
        .filter(m -> !m.left()).map(m -> m.program().channel()).toList());
    if (channels.isEmpty()) {
      throw new UserError(notInAny(call, "leave"));
    }
    if (channels.size() == 1) {
      return left(team, user, channels);
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("Which coffee pairing do you want to leave?"))));
    for (String channel : channels) {
      blocks.add(section(s -> s.text(markdownText("<#" + channel + ">")).accessory(button(b -> b.actionId(LEAVE)
          .value(channel).text(plainText("Leave"))))));
    }
    blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(LEAVE).value(ALL)
        .text(plainText("Leave all " + channels.size())))))));
    return Reply.blocks("Which coffee pairing do you want to leave?", blocks);
  }

  /** The "Leave" buttons {@link #leave} offers: {@code value} is a channel, or {@link #ALL}. */
  Reply leaveChosen(String team, String user, String value) {
    List<String> channels = mine(team, user).stream().filter(m -> !m.left()).map(m -> m.program().channel())
        .filter(c -> ALL.equals(value) || c.equals(value)).toList();
    if (channels.isEmpty()) {
      return Reply.text("You're not in that coffee pairing any more, so nothing changed. `/coffee status` "
          + "shows where you are.");
    }
    return left(team, user, channels);
  }

  private Reply left(String team, String user, List<String> channels) {
    channels.forEach(channel -> choices.leave(team, channel, user));
    return Reply.text("You've left " + Names.channels(channels) + "'s coffee pairing; you won't be in "
        + (channels.size() == 1 ? "its" : "their") + " rounds. `/coffee join` in a channel brings you back any time.");
  }

  Reply pause(CommandCall call) {
    // "until <date>" is the start of that day where the person is (Slack is asked after the ack if needed).
    boolean byDate = PauseLength.byDate(call.args());
    Optional<ZoneId> known = byDate ? profiles.knownZone(call.caller().team(), call.caller().user()) : Optional.empty();
    Instant until = PauseLength.end(call.args(), known.orElse(ZoneOffset.UTC), clock);
    List<String> channels = chosen(call, "pause", m -> !m.left());
    channels.forEach(channel -> choices.pause(call.caller().team(), channel, call.caller().user(), until));
    String assumed = byDate && known.isEmpty() ? " I don't know your time zone (none is set in your Slack "
        + "profile), so it ends at the start of that day in UTC." : "";
    return Reply.text(":pause_button: Paused in " + Names.channels(channels) + " until "
        + (byDate ? SlackDates.day(until) : SlackDates.moment(until)) + "." + assumed
        + " `/coffee resume` ends the pause early.");
  }

  Reply resume(CommandCall call) {
    String team = call.caller().team();
    String user = call.caller().user();
    Map<String, Instant> pausedIn = new LinkedHashMap<>();
    List<String> channels = chosen(call, "resume", m -> true);
    channels.forEach(c -> Optional.ofNullable(choices.paused(team, c, clock.instant()).get(user))
        .ifPresent(until -> pausedIn.put(c, until)));
    if (pausedIn.isEmpty()) {
      List<String> left = channels.stream().filter(c -> choices.hasLeft(team, c, user)).toList();
      return Reply.text("You're not paused in " + Names.channels(channels) + (left.isEmpty() ? " — you're taking part, "
          + "so there's nothing to resume." : ". You left " + Names.channels(left) + "'s pairing: `/coffee join` "
          + "there brings you back."));
    }
    pausedIn.keySet().forEach(channel -> choices.resume(team, channel, user));
    return Reply.text(":arrow_forward: Welcome back! You'll be in the next round of " + Names.channels(
        List.copyOf(pausedIn.keySet())) + ".");
  }

  private Program programHere(CommandCall call) {
    return here(call).orElseThrow(() -> new UserError(
        "There's no coffee pairing in this conversation. Run `/coffee " + call.subcommand()
            + "` in a channel that has one — `/coffee status` lists yours."));
  }

  private Optional<Program> here(CommandCall call) {
    return call.caller().inDirectMessage() ? Optional.empty()
        : programs.find(call.caller().team(), call.caller().channel());
  }

  /** The program here, or else all of the caller's programs that {@code fits}. */
  private List<String> chosen(CommandCall call, String what, Predicate<MyCoffee.Membership> fits) {
    List<String> channels = here(call).map(p -> List.of(p.channel())).orElseGet(() ->
        mine(call.caller().team(), call.caller().user()).stream().filter(fits).map(m -> m.program().channel())
            .toList());
    if (channels.isEmpty()) {
      throw new UserError(notInAny(call, what));
    }
    return channels;
  }

  private List<MyCoffee.Membership> mine(String team, String user) {
    return mine.memberships(team, user);
  }

  private static String notInAny(CommandCall call, String what) {
    return "You're not in any coffee pairing" + (what.equals("resume") ? "" : " to " + what)
        + ", so nothing changed. Programs run in channels: `/coffee status` lists yours.";
  }

}
