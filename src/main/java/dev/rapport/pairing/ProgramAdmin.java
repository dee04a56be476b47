package dev.rapport.pairing;

import dev.rapport.people.Directory;
import dev.rapport.people.Profiles;
import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.CadenceParser;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.BackgroundWork;
import dev.rapport.slack.ChannelMembership;
import dev.rapport.slack.CommandCall;
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
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What HR does with programs: start or change one, open its settings, stop it, run a round now. */
@Component
class ProgramAdmin {

  static final String START_USAGE = "/coffee start every week on mon at 10:00 tz Europe/Berlin size 2";

  private final ProgramStore programs;
  private final Schedules schedules;
  private final Profiles profiles;
  private final Directory directory;
  private final ChannelMembership membership;
  private final BackgroundWork work;
  private final Announcements announcements;
  private final Clock clock;

  ProgramAdmin(ProgramStore programs, Schedules schedules, Profiles profiles, Directory directory,
               ChannelMembership membership, BackgroundWork work, Announcements announcements, Clock clock) {
    this.announcements = announcements;
    this.directory = directory;
    this.programs = programs;
    this.schedules = schedules;
    this.profiles = profiles;
    this.membership = membership;
    this.work = work;
    this.clock = clock;
  }

  Reply start(CommandCall call) throws SlackCallException {
    String team = call.caller().team();
    String channel = channel(call);
    if (call.args().isBlank()) {
      throw new UserError("When should rounds happen? e.g. `" + START_USAGE + "` — or `/coffee settings` "
          + "for a form.");
    }
    CadenceParser.Parsed parsed = CadenceParser.parseLeading(call.args(), profiles.zone(team, call.caller().user()),
        LocalDate.now(clock));
    Program current = programs.find(team, channel).orElse(null);
    int size = size(parsed.rest(), current == null ? 2 : current.size());
    // Guests, departments and announcements are kept as the form last set them; a new program announces.
    Program program = new Program(channel, parsed.cadence(), size, current != null && current.guests(),
        current == null ? Program.Departments.NONE : current.departments(), current == null || current.announce());
    AnswerLater.ifOnAckPath(":hourglass_flowing_sand: Checking that I can see who is in <#" + channel + ">…");
    String saved = saved(team, program, current);
    programs.addRunner(team, channel, call.caller().user());
    return Reply.text(saved);
  }

  /**
   * Saves a program after checking Rapport is in the channel; {@code current} is the program it replaces,
   * if any. Returns the confirmation.
   */
  String saved(String team, Program program, Program current) throws SlackCallException {
    checkAccess(team, program.channel());
    Instant first = programs.save(team, program);
    if (current == null) {
      announcements.started(team, program, first);
    }
    // So /coffee status knows who is in the program before its first round.
    work.submit("read the members of a coffee channel", () ->
        programs.rememberMembers(team, program.channel(), directory.members(team, program.channel())));
    return ":white_check_mark: Coffee pairing is " + (current != null ? "updated" : "on") + " in <#"
        + program.channel() + ">: " + program.describe() + ".\nFirst round: " + SlackDates.moment(first) + ". "
        + (program.announce() ? "" : "Starts, rounds and stops are not announced in the channel. ")
        + "Members can `/coffee pause`, `/coffee leave` or `/coffee avoid @someone` any time; `/coffee settings` "
        + "changes it.";
  }

  Reply stop(CommandCall call) {
    String channel = channel(call);
    if (programs.find(call.caller().team(), channel).isEmpty() && programs.wasStopped(call.caller().team(), channel)) {
      return Reply.text("Coffee pairing is already off in <#" + channel + ">. `/coffee start` turns it back on.");
    }
    Program program = existing(call);
    programs.stop(call.caller().team(), program.channel(), clock.instant());
    announcements.stopped(call.caller().team(), program);
    return Reply.text("Coffee pairing is off in <#" + program.channel() + ">. History and members' choices are "
        + "kept; `/coffee start` turns it back on.");
  }

  /**
   * Books a round for right now as a one-off occurrence, so it is claimed, run and (after a crash) run
   * again like any scheduled round; {@link PairingJobs} answers through the command's response URL.
   *
   * <p>The schedule: when the next scheduled round is less than half a cycle away, it is skipped, so the groups
   * made now have a full cycle to meet instead of being replaced tomorrow; otherwise it still happens. The
   * reply says which.
   */
  Reply now(CommandCall call) {
    Program program = existing(call);
    String team = call.caller().team();
    Instant at = clock.instant();
    String schedule = skipNextIfSoon(team, program, at);
    programs.addRunner(team, program.channel(), call.caller().user());
    schedules.once(team, RoundRunner.NOW, new RoundRef(program.channel(), "n" + at.toEpochMilli()).encode(), at,
        call.responseUrl() == null ? Map.of() : Map.of("responseUrl", call.responseUrl()));
    return Reply.text(":hourglass_flowing_sand: Starting a round in <#" + program.channel() + "> now. "
        + "I'll tell you here when the groups are made; intros follow in group DMs." + schedule);
  }

  private String skipNextIfSoon(String team, Program program, Instant at) {
    Instant next = programs.nextRound(team, program.channel()).filter(n -> n.isAfter(at)).orElse(null);
    if (next == null) {
      return "";
    }
    Duration halfCycle = Duration.ofDays(Math.max(1, program.cadence().cycleDays())).dividedBy(2);
    if (Duration.between(at, next).compareTo(halfCycle) >= 0) {
      return "\nThe next scheduled round, " + SlackDates.moment(next) + ", still happens.";
    }
    Instant after = program.cadence().next(next);
    schedules.moveNext(team, ProgramStore.KIND, program.channel(), after);
    return "\nThe round scheduled for " + SlackDates.moment(next) + " is skipped, so these groups have a full cycle to "
        + "meet; the next one is " + SlackDates.moment(after) + ".";
  }

  static String summary(Round round) {
    int people = round.groups().stream().mapToInt(List::size).sum();
    if (round.groups().isEmpty()) {
      // Never why nobody could be grouped: that could reveal someone's private do-not-pair list.
      return round.pool() == 1 ? "Only one person was available this round, so nobody was paired; they got a kind note."
          : round.pool() > 1 ? ":coffee: No groups this round: " + round.pool() + " people were available, but no "
              + "group could be made. Each got a short note, and they'll be in next round's draw."
          : "Nobody was available to pair this round (everyone left, paused, or the channel is empty).";
    }
    int groups = round.groups().size();
    int leftOut = round.leftOut().size();
    return ":coffee: Round made: " + people + " people in " + groups + (groups == 1 ? " group" : " groups")
        + ". Intros are on their way" + (leftOut == 0 ? "." : "; " + leftOut + (leftOut == 1 ? " person" : " people")
        + " couldn't be placed and got a note.");
  }

  Program existing(CommandCall call) {
    String channel = channel(call);
    return programs.find(call.caller().team(), channel).orElseThrow(() -> new UserError(
        "<#" + channel + "> has no coffee pairing yet. Start one with `" + START_USAGE + "`."));
  }

  static String channel(CommandCall call) {
    String channel = call.caller().channel();
    if (call.caller().inDirectMessage()) {
      throw new UserError("Run `/coffee " + call.subcommand() + "` in the channel whose members should be paired.");
    }
    return channel;
  }

  private static int size(List<String> rest, int fallback) {
    if (rest.isEmpty()) {
      return fallback;
    }
    if (rest.size() == 2 && rest.get(0).equalsIgnoreCase("size") && rest.get(1).matches("[234]")) {
      return Integer.parseInt(rest.get(1));
    }
    throw new UserError("After the cadence I only understand `size 2`, `size 3` or `size 4`, not "
        + Mrkdwn.echo(String.join(" ", rest)) + ". Example: `" + START_USAGE + "`");
  }

  /** Rapport must be in the channel to see who is in it and to post there; asked before anything is saved. */
  private void checkAccess(String team, String channel) throws SlackCallException {
    membership.require(team, channel, "Nothing was changed.");
  }

  static Cadence defaultCadence(ZoneId zone, LocalDate today) {
    return CadenceParser.parse("every week on mon at 10:00", zone, today);
  }
}
