package dev.rapport.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When something recurs: on some days of the week (every {@code everyWeeks} weeks, counted from the week
 * of {@code anchor}) at a local time in a zone. Occurrences are computed in local time, so a 10:00 Berlin
 * round stays at 10:00 across daylight-saving changes; a time that doesn't exist that day moves forward
 * by the length of the gap, and a time that happens twice runs once (the first time).
 *
 * <p>Parsed by {@link CadenceParser}, the one grammar {@code /coffee}, {@code /empathy} and {@code /pulse}
 * share.
 */
public record Cadence(Set<DayOfWeek> days, int everyWeeks, LocalTime time, ZoneId zone, LocalDate anchor) {

  public Cadence {
    if (days == null || days.isEmpty()) {
      throw new IllegalArgumentException("a cadence needs at least one day");
    }
    if (everyWeeks < 1 || everyWeeks > 4) {
      throw new IllegalArgumentException("every 1 to 4 weeks");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
    time = time.truncatedTo(ChronoUnit.MINUTES);
    anchor = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The first occurrence strictly after {@code after}. */
  public Instant next(Instant after) {
    LocalDate date = after.atZone(zone).toLocalDate();
    for (int i = 0; i <= 7 * everyWeeks + 1; i++) {
      LocalDate day = date.plusDays(i);
      if (matches(day)) {
        Instant at = ZonedDateTime.of(day, time, zone).toInstant();
        if (at.isAfter(after)) {
          return at;
        }
      }
    }
    throw new IllegalStateException("no occurrence found for " + this);
  }

  /** The same cadence counted from the week of {@code date} (for "every 2 weeks": which weeks). */
  public Cadence anchoredAt(LocalDate date) {
    return new Cadence(days, everyWeeks, time, zone, date);
  }

  /** How long one cycle lasts at most (the longest gap between two occurrences, in days). */
  public long cycleDays() {
    if (everyWeeks > 1) {
      return 7L * everyWeeks;
    }
    int longest = 0;
    for (DayOfWeek day : days) {
      int gap = 1;
      while (!days.contains(day.plus(gap))) {
        gap++;
      }
      longest = Math.max(longest, gap);
    }
    return longest;
  }

  /**
   * How people name one cycle of this cadence, by its usual rhythm (the shortest gap between two
   * occurrences): "today" (every day, every weekday), "this week", "these two weeks" (every 2 to 4 weeks),
   * "these few days" (several days a week, none of them next to each other).
   */
  public String cycle() {
    return switch (rhythm()) {
      case DAILY -> "today";
      case WEEKLY -> "this week";
      case FEW_DAYS -> "these few days";
      case WEEKS -> "these " + NUMBERS[everyWeeks] + " weeks";
    };
  }

  /** For "find 20 minutes …": "today", "this week", "in the next two weeks", "in the next few days". */
  public String withinCycle() {
    return switch (rhythm()) {
      case DAILY, WEEKLY -> cycle();
      case FEW_DAYS, WEEKS -> "in the next " + cycle().substring("these ".length());
    };
  }

  /** For "answer … pulse": "today's", "this week's", "these two weeks'", "these few days'". */
  public String cyclePossessive() {
    String cycle = cycle();
    return cycle.endsWith("s") ? cycle + "'" : cycle + "'s";
  }

  private enum Rhythm { DAILY, WEEKLY, FEW_DAYS, WEEKS }

  private static final String[] NUMBERS = {"", "one", "two", "three", "four"};

  private Rhythm rhythm() {
    if (everyWeeks > 1) {
      return Rhythm.WEEKS;
    }
    if (days.size() == 1) {
      return Rhythm.WEEKLY;
    }
    return days.stream().anyMatch(day -> days.contains(day.plus(1))) ? Rhythm.DAILY : Rhythm.FEW_DAYS;
  }

  private boolean matches(LocalDate day) {
    if (!days.contains(day.getDayOfWeek())) {
      return false;
    }
    if (everyWeeks == 1) {
      return true;
    }
    long weeks = ChronoUnit.WEEKS.between(anchor,
        day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    return Math.floorMod(weeks, everyWeeks) == 0;
  }

  /** How people read it: "every 2 weeks on Friday at 15:30 (Europe/Berlin)". */
  public String describe() {
    String at = " at " + time + " (" + zone.getId() + ")";
    if (days.size() == 7) {
      return "every day" + at;
    }
    if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
      return "every weekday" + at;
    }
    if (days.size() == 1) {
      String weeks = everyWeeks == 1 ? "every week" : "every " + everyWeeks + " weeks";
      return weeks + " on " + days.iterator().next().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + at;
    }
    return "every " + days.stream().sorted().map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
        .collect(Collectors.joining(", ")) + at;
  }
}
