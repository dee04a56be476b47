package dev.rapport.testkit;

import dev.rapport.schedule.Cadence;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;

/** A cadence written the way {@code CadenceParser} reads it (the anchor aside), for tests that compare cadences. */
public final class CadenceText {

  private CadenceText() {}

  public static String of(Cadence cadence) {
    String at = " at " + cadence.time() + " tz " + cadence.zone().getId();
    if (cadence.days().size() == 7) {
      return "every day" + at;
    }
    if (cadence.days().equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
      return "every weekday" + at;
    }
    if (cadence.days().size() == 1) {
      String weeks = cadence.everyWeeks() == 1 ? "every week" : "every " + cadence.everyWeeks() + " weeks";
      return weeks + " on " + shortName(cadence.days().iterator().next()) + at;
    }
    return "every " + cadence.days().stream().sorted().map(CadenceText::shortName).collect(Collectors.joining(","))
        + at;
  }

  private static String shortName(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
  }
}
