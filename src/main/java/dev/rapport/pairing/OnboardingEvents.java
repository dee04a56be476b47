package dev.rapport.pairing;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Failures;
import dev.rapport.slack.Mentions;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackDates;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * How new hires come to an onboarding journey: they join a channel whose program welcomes newcomers
 * ({@code member_joined_channel}), or an admin adds them with a start date ({@code /coffee onboard @someone
 * starting 2026-12-07}). Both only write Redis ({@link Journeys}), so they finish before the ack.
 */
@Component
class OnboardingEvents implements SlackFeature {

  static final String USAGE = "/coffee onboard @alex starting 2026-12-07";
  private static final Pattern ONBOARD = Pattern.compile(
      "^\\s*(<@[^>]+>)\\s*(?:(?:starting|from|on)\\s+(.+?))?\\s*$", Pattern.CASE_INSENSITIVE);

  private final Journeys journeys;
  private final ProgramStore programs;
  private final ProgramExtras extras;
  private final Clock clock;

  OnboardingEvents(Journeys journeys, ProgramStore programs, ProgramExtras extras, Clock clock) {
    this.journeys = journeys;
    this.programs = programs;
    this.extras = extras;
    this.clock = clock;
  }

  @Override
  public void register(App app) {
    app.event(MemberJoinedChannelEvent.class, (payload, ctx) -> {
      MemberJoinedChannelEvent e = payload.getEvent();
      String team = payload.getTeamId() != null ? payload.getTeamId() : ctx.getTeamId();
      if (team != null && e.getUser() != null && e.getChannel() != null && !e.getUser().equals(ctx.getBotUserId())) {
        try {
          journeys.start(team, e.getChannel(), e.getUser(), clock.instant(), true, null);
        } catch (RuntimeException failure) {
          Failures.log("starting an onboarding journey", failure);
        }
      }
      return ctx.ack();
    });
  }

  /** {@code /coffee onboard @someone [starting 2026-12-07]}. */
  Reply onboard(CommandCall call) {
    String team = call.caller().team();
    String channel = ProgramAdmin.channel(call);
    Program program = programs.find(team, channel).orElseThrow(() -> new UserError("<#" + channel + "> has no "
        + "coffee pairing yet. Start one that welcomes newcomers: `/coffee start every week on mon at 10:00 type "
        + "onboarding`."));
    Onboarding onboarding = extras.onboarding(team, channel).orElseThrow(() -> new UserError("<#" + channel
        + ">'s program doesn't do onboarding buddies yet. Turn them on with `/coffee start "
        + program.cadence().describe() + " type onboarding` (or in `/coffee settings`), then `" + USAGE + "`."));
    Matcher m = ONBOARD.matcher(call.args() == null ? "" : call.args());
    if (!m.matches()) {
      throw new UserError("I read that as a person and an optional start date, e.g. `" + USAGE + "`; I got "
          + (call.args() == null || call.args().isBlank() ? "nothing" : Mrkdwn.echo(call.args().strip())) + ".");
    }
    String hire = Mentions.user(m.group(1), USAGE);
    Instant now = clock.instant();
    Instant start = m.group(2) == null ? now : Journeys.startOn(program, date(m.group(2)));
    if (start.isBefore(now)) {
      start = now;
    }
    if (start.isAfter(now.plus(Duration.ofDays(366)))) {
      throw new UserError("That start date is more than a year away. Add them closer to it, e.g. `" + USAGE + "`.");
    }
    return switch (journeys.start(team, channel, hire, start, false, call.caller().user())) {
      case STARTED -> Reply.text(":seedling: <@" + hire + "> gets an onboarding buddy from " + onboarding.pool()
          + " " + (start.equals(now) ? "now" : SlackDates.moment(start)) + ": the buddy hears first, then an intro "
          + "to both, then nudges on " + JourneyStep.describe(onboarding.journey()) + ". After that they join <#"
          + channel + ">'s regular rounds.");
      case ALREADY -> Reply.text("<@" + hire + "> already had an onboarding journey in <#" + channel + ">, so "
          + "there's no second one. They're in the regular rounds once it's over.");
      case NOT_ONBOARDING -> throw new UserError("<#" + channel + ">'s program doesn't do onboarding buddies.");
    };
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new UserError("I read start dates as year-month-day, like `2026-12-07`, not " + Mrkdwn.echo(text)
          + ". Example: `" + USAGE + "`.");
    }
  }
}
