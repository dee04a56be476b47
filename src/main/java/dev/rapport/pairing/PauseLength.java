package dev.rapport.pairing;

import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long {@code /coffee pause} lasts: "2w" (1 to 12 weeks) or "until 2027-01-15". */
final class PauseLength {

  private static final Pattern WEEKS = Pattern.compile("(\\d{1,2})\\s*(w|wk|wks|week|weeks)");
  private static final Pattern UNTIL = Pattern.compile("until\\s+(\\S+)");

  private PauseLength() {}

  /** "until <date>": the pause ends at the start of that day where the person is. */
  static boolean byDate(String args) {
    return UNTIL.matcher(args.trim().toLowerCase()).matches();
  }

  /** "2w" (1-12 weeks) or "until 2027-01-15" (the start of that day in {@code zone}). */
  static Instant end(String args, ZoneId zone, Clock clock) {
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
}
