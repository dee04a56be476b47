package dev.rapport.slack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times shown to people, as Slack's {@code <!date^…>} tokens: each reader sees them in their own time zone
 * (and language), whatever zone a schedule runs in. The fallback, for clients and notifications that can't
 * render the token, is UTC and says so.
 */
public final class SlackDates {

  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private SlackDates() {}

  /** "Tue, Jan 14 at 10:00 AM" in the reader's zone. */
  public static String moment(Instant at) {
    return token(at, "{date_short_pretty} at {time}", MOMENT.format(at));
  }

  /** "Tuesday, January 14th" (or "today", "tomorrow") in the reader's zone. */
  public static String day(Instant at) {
    return token(at, "{date_long_pretty}", DAY.format(at));
  }

  private static String token(Instant at, String format, String fallback) {
    return "<!date^" + at.getEpochSecond() + "^" + format + "|" + fallback + ">";
  }
}
