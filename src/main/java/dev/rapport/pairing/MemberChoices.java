package dev.rapport.pairing;

import dev.rapport.people.Profiles;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Mentions;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackDates;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** What members decide for themselves: join, leave, pause, resume, and whom they never meet. */
@Component
class MemberChoices {

  private static final Pattern WEEKS = Pattern.compile("(\\d{1,2})\\s*(w|wk|wks|week|weeks)");
  private static final Pattern UNTIL = Pattern.compile("until\\s+(\\S+)");

  private final ProgramStore programs;
  private final Profiles profiles;
  private final Clock clock;

  MemberChoices(ProgramStore programs, Profiles profiles, Clock clock) {
    this.programs = programs;
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
    Program program = programHere(call);
    programs.leave(call.caller().team(), program.channel(), call.caller().user());
    return Reply.text("You've left <#" + program.channel() + ">'s coffee pairing; you won't be in its rounds. "
        + "`/coffee join` here brings you back any time.");
  }

  Reply pause(CommandCall call) {
    Program program = programHere(call);
    // "until <date>" is the start of that day where the person is (Slack is asked after the ack if needed).
    boolean byDate = UNTIL.matcher(call.args().trim().toLowerCase()).matches();
    Optional<ZoneId> known = byDate ? profiles.knownZone(call.caller().team(), call.caller().user()) : Optional.empty();
    Instant until = pauseEnd(call.args(), known.orElse(ZoneOffset.UTC));
    programs.pause(call.caller().team(), program.channel(), call.caller().user(), until);
    String assumed = byDate && known.isEmpty() ? " I don't know your time zone (none is set in your Slack "
        + "profile), so it ends at the start of that day in UTC." : "";
    return Reply.text(":pause_button: Paused in <#" + program.channel() + "> until "
        + (byDate ? SlackDates.day(until) : SlackDates.moment(until)) + "." + assumed
        + " `/coffee resume` here ends the pause early.");
  }

  Reply resume(CommandCall call) {
    Program program = programHere(call);
    programs.resume(call.caller().team(), program.channel(), call.caller().user());
    return Reply.text(":arrow_forward: Welcome back! You'll be in <#" + program.channel() + ">'s next round.");
  }

  Reply avoid(CommandCall call) {
    String other = Mentions.user(call.args(), "/coffee avoid @someone");
    if (other.equals(call.caller().user())) {
      throw new UserError("You can't avoid yourself — but we like the thinking.");
    }
    programs.avoid(call.caller().team(), call.caller().user(), other);
    return Reply.text(":shushing_face: Noted: you won't be paired with <@" + other + "> in any program. "
        + "This list is private; nobody else can see it. `/coffee unavoid @them` undoes it.");
  }

  Reply unavoid(CommandCall call) {
    String other = Mentions.user(call.args(), "/coffee unavoid @someone");
    boolean removed = programs.unavoid(call.caller().team(), call.caller().user(), other);
    return Reply.text(removed ? "Done: <@" + other + "> can be paired with you again."
        : "<@" + other + "> wasn't on your do-not-pair list, so nothing changed.");
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
    return programs.find(call.caller().team(), call.caller().channel()).orElseThrow(() -> new UserError(
        "There's no coffee pairing in this conversation. Run `/coffee " + call.subcommand()
            + "` in a channel that has one — `/coffee status` lists yours."));
  }
}
