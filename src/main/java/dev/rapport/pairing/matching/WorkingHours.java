package dev.rapport.pairing.matching;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Working hours in the member's local time, to the minute. An end before the start means the
 * hours cross midnight (a night shift).
 */
public record WorkingHours(LocalTime start, LocalTime end) {

  static final WorkingHours DEFAULT = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0));

  public WorkingHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (minuteOfDay(start) == minuteOfDay(end)) {
      throw new IllegalArgumentException("working hours must not start and end at the same minute");
    }
  }

  static int minuteOfDay(LocalTime time) {
    return time.getHour() * 60 + time.getMinute();
  }
}
