package dev.rapport.pairing;

import dev.rapport.people.Profiles;
import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.CadenceParser;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.AnswerLater;
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

/** What HR does with programs from the command line: start or change one, stop it, run a round now. */
@Component
class ProgramAdmin {

  static final String START_USAGE = "/coffee start every week on mon at 10:00 tz Europe/Berlin size 2";

  private final ProgramStore programs;
  private final ProgramSaver saver;
  private final Schedules schedules;
  private final Profiles profiles;
  private final Announcements announcements;
  private final OnboardingSetup onboarding;
  private final Clock clock;

  ProgramAdmin(ProgramStore programs, ProgramSaver saver, Schedules schedules, Profiles profiles,
               Announcements announcements, OnboardingSetup onboarding, Clock clock) {
    this.programs = programs;
    this.saver = saver;
    this.schedules = schedules;
    this.profiles = profiles;
    this.announcements = announcements;
    this.onboarding = onboarding;
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
    OnboardingWords people = OnboardingWords.read(parsed.rest());
    ProgramTypeWords.Split words = ProgramTypeWords.split(people.rest());
    // `type onboarding` is read with the onboarding words; any other type after `type` here.
    ProgramType type = words.type() != null ? ProgramTypeWords.parse(words.type())
        : Boolean.TRUE.equals(people.onboarding()) ? ProgramType.ONBOARDING
        : current == null ? ProgramType.RANDOM : current.type();
    int size = ProgramTypeWords.size(type, words.before().isEmpty() ? null : size(words.before(), 2),
        current == null ? 2 : current.size());
    // Guests, departments and announcements are kept as the form last set them; a new program announces.
    Program program = new Program(channel, parsed.cadence(), size, current != null && current.guests(),
        current == null ? Program.Departments.NONE : current.departments(), current == null || current.announce(),
        type);
    AnswerLater.ifOnAckPath(":hourglass_flowing_sand: Checking that I can see who is in <#" + channel + ">…");
    OnboardingSetup.Change change = onboarding.resolve(team, channel, people);
    String confirmation = saver.save(team, program, current);
    programs.addRunner(team, channel, call.caller().user());
    return Reply.text(confirmation + onboarding.apply(team, channel, change));
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

  Program existing(CommandCall call) {
    String channel = channel(call);
    return programs.find(call.caller().team(), channel).orElseThrow(() -> new UserError(
        "<#" + channel + "> has no coffee pairing yet. Start one with `" + START_USAGE + "`."));
  }

  static String channel(CommandCall call) {
    return call.requireChannel(typed -> "Run " + typed + " in the channel whose members should be paired.");
  }

  private static int size(List<String> rest, int fallback) {
    if (rest.isEmpty()) {
      return fallback;
    }
    if (rest.size() == 2 && rest.get(0).equalsIgnoreCase("size") && rest.get(1).matches("[234]")) {
      return Integer.parseInt(rest.get(1));
    }
    throw new UserError("After the cadence I only understand `size 2`, `size 3` or `size 4`, then `type …` ("
        + ProgramTypeWords.TYPES + "), not "
        + Mrkdwn.echo(String.join(" ", rest)) + ". Example: `" + START_USAGE + "`");
  }

  static Cadence defaultCadence(ZoneId zone, LocalDate today) {
    return CadenceParser.parse("every week on mon at 10:00", zone, today);
  }
}
