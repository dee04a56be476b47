package dev.rapport.pulse;

import dev.rapport.slack.SlackDates;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pulse writes dates. In Slack, always {@link SlackDates} tokens, so each reader sees their own zone;
 * the cadence's zone only in files (the CSV and the chart), which Slack can't localise.
 */
final class Dates {

  private static final DateTimeFormatter CHART_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

  private Dates() {}

  /** A period's days as each reader sees them: "Monday, January 6th – Monday, January 13th". */
  static String span(Period period) {
    Instant end = period.closed() != null ? period.closed() : period.closes();
    return SlackDates.day(period.opened()) + " – " + SlackDates.day(end);
  }

  /** "6 Jan", in the cadence's zone: the chart's axis labels. */
  static String chartDay(Instant at, ZoneId zone) {
    return CHART_DAY.format(at.atZone(zone));
  }

  /** "2025-01-06", in the cadence's zone: the CSV's dates. */
  static String isoDay(Instant at, ZoneId zone) {
    return at == null ? "" : ISO_DAY.format(at.atZone(zone));
  }
}
