package dev.rapport.pairing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Suggests when a group could meet: the first 30-minute slot, at least half a day after the intro, that
 * falls on a weekday inside everyone's working hours (09:00-17:00 in each person's own time zone).
 */
final class MeetingTime {

  static final LocalTime START = LocalTime.of(9, 0);
  static final LocalTime LAST_START = LocalTime.of(16, 30);
  /** The earliest suggestion, after the intro: people get a chance to read it first. */
  static final Duration NOT_BEFORE = Duration.ofHours(12);
  private static final Duration STEP = Duration.ofMinutes(15);
  private static final Duration SEARCH = Duration.ofDays(8);

  private MeetingTime() {}

  /** The suggested slot's start, or empty when the group's working hours never overlap. */
  static Optional<Instant> suggest(List<Integer> utcOffsetSeconds, Instant introAt) {
    Instant from = introAt.plus(NOT_BEFORE).truncatedTo(ChronoUnit.HOURS);
    for (Instant t = from; t.isBefore(from.plus(SEARCH)); t = t.plus(STEP)) {
      if (fitsEveryone(utcOffsetSeconds, t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static boolean fitsEveryone(List<Integer> offsets, Instant t) {
    for (int offset : offsets) {
      LocalDateTime local = LocalDateTime.ofInstant(t, ZoneOffset.ofTotalSeconds(offset));
      DayOfWeek day = local.getDayOfWeek();
      LocalTime time = local.toLocalTime();
      if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || time.isBefore(START) || time.isAfter(LAST_START)) {
        return false;
      }
    }
    return true;
  }
}
