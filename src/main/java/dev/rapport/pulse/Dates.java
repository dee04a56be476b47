package dev.rapport.pulse;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pulse writes dates: a period's days, and the moment it closes. */
final class Dates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

  private Dates() {}

  static String day(Instant at, ZoneId zone) {
    return DAY.format(at.atZone(zone));
  }

  static String isoDay(Instant at, ZoneId zone) {
    return at == null ? "" : ISO_DAY.format(at.atZone(zone));
  }

  static String moment(Instant at, ZoneId zone) {
    return MOMENT.format(at.atZone(zone)) + " (" + zone.getId() + ")";
  }

  /** "Mon 6 Jan – Mon 13 Jan" for a closed period. */
  static String span(Period period, ZoneId zone) {
    Instant end = period.closed() != null ? period.closed() : period.closes();
    return day(period.opened(), zone) + " – " + day(end, zone);
  }
}
