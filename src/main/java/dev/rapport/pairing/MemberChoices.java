package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.people.Profile;
import dev.rapport.people.Profiles;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Mentions;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackDates;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What members decide for themselves: join, leave, pause, resume, and whom they never meet. In a channel with
 * a program they act on it; anywhere else (a DM, a channel without one) pause and resume act on all the
 * person's programs, and leave acts on their one program or offers a choice.
 */
@Component
class MemberChoices {

  static final String LEAVE = "pairing_leave";
  /** The value of the "leave all of them" button. */
  static final String ALL = "*";

  private static final Pattern WEEKS = Pattern.compile("(\\d{1,2})\\s*(w|wk|wks|week|weeks)");
  private static final Pattern UNTIL = Pattern.compile("until\\s+(\\S+)");

  private final ProgramStore programs;
  private final MyCoffee mine;
  private final Profiles profiles;
  private final Clock clock;

  MemberChoices(ProgramStore programs, MyCoffee mine, Profiles profiles, Clock clock) {
    this.programs = programs;
    this.mine = mine;
    this.profiles = profiles;
    this.clock = clock;
  }

  Reply join(CommandCall call) {
    Program program = programHere(call);
    programs.join(call.caller().team(), program.channel(), call.caller().user());
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
    channels.forEach(channel -> programs.leave(team, channel, user));
    return Reply.text("You've left " + channelList(channels) + "'s coffee pairing; you won't be in "
        + (channels.size() == 1 ? "its" : "their") + " rounds. `/coffee join` in a channel brings you back any time.");
  }

  Reply pause(CommandCall call) {
    // "until <date>" is the start of that day where the person is (Slack is asked after the ack if needed).
    boolean byDate = UNTIL.matcher(call.args().trim().toLowerCase()).matches();
    Optional<ZoneId> known = byDate ? profiles.knownZone(call.caller().team(), call.caller().user()) : Optional.empty();
    Instant until = pauseEnd(call.args(), known.orElse(ZoneOffset.UTC));
    List<String> channels = chosen(call, "pause", m -> !m.left());
    channels.forEach(channel -> programs.pause(call.caller().team(), channel, call.caller().user(), until));
    String assumed = byDate && known.isEmpty() ? " I don't know your time zone (none is set in your Slack "
        + "profile), so it ends at the start of that day in UTC." : "";
    return Reply.text(":pause_button: Paused in " + channelList(channels) + " until "
        + (byDate ? SlackDates.day(until) : SlackDates.moment(until)) + "." + assumed
        + " `/coffee resume` ends the pause early.");
  }

  Reply resume(CommandCall call) {
    String team = call.caller().team();
    String user = call.caller().user();
    Map<String, Instant> pausedIn = new LinkedHashMap<>();
    List<String> channels = chosen(call, "resume", m -> true);
    channels.forEach(c -> Optional.ofNullable(programs.paused(team, c, clock.instant()).get(user))
        .ifPresent(until -> pausedIn.put(c, until)));
    if (pausedIn.isEmpty()) {
      List<String> left = channels.stream().filter(c -> programs.hasLeft(team, c, user)).toList();
      return Reply.text("You're not paused in " + channelList(channels) + (left.isEmpty() ? " — you're taking part, "
          + "so there's nothing to resume." : ". You left " + channelList(left) + "'s pairing: `/coffee join` "
          + "there brings you back."));
    }
    pausedIn.keySet().forEach(channel -> programs.resume(team, channel, user));
    return Reply.text(":arrow_forward: Welcome back! You'll be in the next round of " + channelList(
        List.copyOf(pausedIn.keySet())) + ".");
  }

  Reply avoid(CommandCall call) throws SlackCallException {
    String team = call.caller().team();
    String me = call.caller().user();
    if (call.args().isBlank()) {
      List<String> avoided = programs.avoided(team, me).stream().sorted().toList();
      return Reply.text(avoided.isEmpty() ? ":shushing_face: Your do-not-pair list is empty. `/coffee avoid "
          + "@someone` adds someone; only you can see the list."
          : ":shushing_face: Your do-not-pair list (only you can see it): " + Intros.mentions(avoided)
              + ". `/coffee unavoid @someone` takes someone off.");
    }
    String other = Mentions.user(call.args(), "/coffee avoid @someone");
    if (other.equals(me)) {
      throw new UserError("You can't avoid yourself — but we like the thinking.");
    }
    Profile profile = person(team, other);
    if (profile != null && !profile.isHuman()) {
      throw new UserError(profile.deleted() ? "<@" + other + ">'s account is deactivated, so they're never in "
          + "a coffee group — nothing to avoid." : "<@" + other + "> is a bot, and bots are never in coffee groups "
          + "— nothing to avoid.");
    }
    programs.avoid(team, me, other);
    return Reply.text(":shushing_face: Noted: you won't be paired with <@" + other + "> in any program. "
        + "This list is private; nobody else can see it. `/coffee unavoid @them` undoes it.");
  }

  Reply unavoid(CommandCall call) {
    String other = Mentions.user(call.args(), "/coffee unavoid @someone");
    boolean removed = programs.unavoid(call.caller().team(), call.caller().user(), other);
    return Reply.text(removed ? "Done: <@" + other + "> can be paired with you again."
        : "<@" + other + "> wasn't on your do-not-pair list, so nothing changed.");
  }

  /**
   * The person, if Slack knows them; null when it says it doesn't (someone from another organisation in a shared
   * channel, say): their entry is kept, as it costs nothing and may matter.
   */
  private Profile person(String team, String user) throws SlackCallException {
    try {
      return profiles.get(team, user);
    } catch (SlackCallException e) {
      if (e.kind() == SlackCallException.Kind.API_ERROR) {
        return null;
      }
      throw e;
    }
  }

  /** "2w" (1-12 weeks) or "until 2027-01-15" (the start of that day in {@code zone}). */
  Instant pauseEnd(String args, ZoneId zone) {
    String text = args.trim().toLowerCase();
    Matcher weeks = WEEKS.matcher(text);
    if (weeks.matches()) {
      int n = Integer.parseInt(weeks.group(1));
      if (n < 1 || n > 12) {
        throw new UserError("You can pause for 1 to 12 weeks, e.g. `/coffee pause 2w`. For longer, "
            + "`/coffee leave` and `/coffee join` later.");
      }
      return clock.instant().plus(Duration.ofDays(7L * n));
    }
    Matcher until = UNTIL.matcher(text);
    if (until.matches()) {
      try {
        LocalDate date = LocalDate.parse(until.group(1));
        Instant end = date.atStartOfDay(zone).toInstant();
        if (!end.isAfter(clock.instant())) {
          throw new UserError(Mrkdwn.echo(until.group(1)) + " is in the past. Pick a future date, e.g. "
              + "`/coffee pause until " + LocalDate.now(clock.withZone(zone)).plusWeeks(2) + "`.");
        }
        if (end.isAfter(clock.instant().plus(Duration.ofDays(366)))) {
          throw new UserError("That's more than a year away; `/coffee leave` is the better fit.");
        }
        return end;
      } catch (DateTimeParseException e) {
        throw new UserError(Mrkdwn.echo(until.group(1)) + " isn't a date I can read; use YYYY-MM-DD, e.g. "
            + "`/coffee pause until " + LocalDate.now(clock.withZone(zone)).plusWeeks(2) + "`.");
      }
    }
    throw new UserError("How long? Use `/coffee pause 2w` (1-12 weeks) or `/coffee pause until "
        + LocalDate.now(clock.withZone(zone)).plusWeeks(2) + "`.");
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

  private static String channelList(List<String> channels) {
    return Intros.listed(channels.stream().map(c -> "<#" + c + ">").toList());
  }
}
