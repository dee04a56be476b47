package dev.rapport.schedule;

import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.UserError;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cadence grammar the three commands share:
 * <pre>
 *   every [N] week(s) on &lt;mon..sun&gt; at &lt;HH:MM&gt; [tz &lt;IANA zone&gt;]     (N = 1-4)
 *   every weekday at &lt;HH:MM&gt; [tz &lt;zone&gt;]
 *   every &lt;mon,wed,fri&gt; at &lt;HH:MM&gt; [tz &lt;zone&gt;]
 *   every day at &lt;HH:MM&gt; [tz &lt;zone&gt;]
 * </pre>
 * Text the grammar doesn't cover gets a {@link UserError} that shows what was understood and an example
 * that works. Words after the cadence are returned for the command's own options.
 */
public final class CadenceParser {

  public static final String EXAMPLE = "every week on mon at 10:00 tz Europe/Berlin";
  static final String FORMS = "`every [2|3|4] week(s) on &lt;mon..sun&gt; at &lt;HH:MM&gt; [tz &lt;zone&gt;]`, "
      + "`every weekday at &lt;HH:MM&gt;`, `every mon,wed,fri at &lt;HH:MM&gt;` or "
      + "`every day at &lt;HH:MM&gt;`";

  private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
      Map.entry("mon", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
      Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
      Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
      Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thu", DayOfWeek.THURSDAY),
      Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
      Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("fri", DayOfWeek.FRIDAY),
      Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("sat", DayOfWeek.SATURDAY),
      Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sun", DayOfWeek.SUNDAY),
      Map.entry("sunday", DayOfWeek.SUNDAY));
  private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.h](\\d{2})");

  /** A cadence and the words that followed it. */
  public record Parsed(Cadence cadence, List<String> rest) {}

  private CadenceParser() {}

  /** Parses text that must be a cadence and nothing else. */
  public static Cadence parse(String text, ZoneId defaultZone, LocalDate today) {
    Parsed parsed = parseLeading(text, defaultZone, today);
    if (!parsed.rest().isEmpty()) {
      throw new UserError("I understood *" + parsed.cadence().describe() + "* but not "
          + Mrkdwn.echo(String.join(" ", parsed.rest())) + " after it. Example: `" + EXAMPLE + "`");
    }
    return parsed.cadence();
  }

  /** Parses a cadence at the start of {@code text}; the remaining words are returned as they were. */
  public static Parsed parseLeading(String text, ZoneId defaultZone, LocalDate today) {
    List<String> words = new ArrayList<>(Arrays.asList(
        (text == null ? "" : text.trim()).replaceAll("\\s*,\\s*", ",").split("\\s+")));
    words.removeIf(String::isEmpty);
    List<String> understood = new ArrayList<>();
    if (words.isEmpty() || !lower(words.get(0)).equals("every")) {
      throw error(understood, "a cadence starts with `every`");
    }
    understood.add(words.remove(0));

    int everyWeeks = 1;
    Set<DayOfWeek> days;
    String first = words.isEmpty() ? "" : lower(words.get(0));
    if (first.matches("\\d+")) {
      everyWeeks = Integer.parseInt(first);
      if (everyWeeks < 1 || everyWeeks > 4) {
        throw error(understood, "I can repeat every 1 to 4 weeks, not every " + first);
      }
      understood.add(words.remove(0));
      first = words.isEmpty() ? "" : lower(words.get(0));
      if (!first.equals("weeks") && !first.equals("week")) {
        throw error(understood, "after a number I expect `weeks`");
      }
    }
    if (first.equals("week") || first.equals("weeks")) {
      understood.add(words.remove(0));
      expect(words, understood, "on", "which day? e.g. `on mon`");
      days = dayList(words, understood);
      if (days.size() != 1) {
        throw error(understood, "a weekly cadence takes one day; for several days use `every mon,wed,fri`");
      }
    } else if (first.equals("weekday") || first.equals("weekdays")) {
      understood.add(words.remove(0));
      days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    } else if (first.equals("day")) {
      understood.add(words.remove(0));
      days = EnumSet.allOf(DayOfWeek.class);
    } else {
      days = dayList(words, understood);
    }

    expect(words, understood, "at", "at what time? e.g. `at 10:00`");
    String timeWord = words.isEmpty() ? "" : words.get(0);
    LocalTime time = time(timeWord, understood);
    understood.add(words.remove(0));

    ZoneId zone = defaultZone;
    if (!words.isEmpty() && lower(words.get(0)).equals("tz")) {
      understood.add(words.remove(0));
      String zoneWord = words.isEmpty() ? "" : words.get(0);
      try {
        zone = ZoneId.of(zoneWord);
      } catch (DateTimeException e) {
        throw error(understood, Mrkdwn.echo(zoneWord) + " is not a time zone I know; use an IANA name such "
            + "as `Europe/Berlin` or `America/New_York`");
      }
      understood.add(words.remove(0));
    }
    return new Parsed(new Cadence(days, everyWeeks, time, zone, today), List.copyOf(words));
  }

  private static Set<DayOfWeek> dayList(List<String> words, List<String> understood) {
    String word = words.isEmpty() ? "" : lower(words.get(0));
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String name : word.split(",")) {
      DayOfWeek day = DAYS.get(name);
      if (day == null) {
        throw error(understood, (word.isEmpty() ? "a day is missing" : Mrkdwn.echo(name) + " is not a day")
            + "; use mon, tue, wed, thu, fri, sat or sun (or `weekday`, `day`)");
      }
      days.add(day);
    }
    understood.add(words.remove(0));
    return days;
  }

  private static LocalTime time(String word, List<String> understood) {
    Matcher m = TIME.matcher(word);
    if (m.matches()) {
      int hours = Integer.parseInt(m.group(1));
      int minutes = Integer.parseInt(m.group(2));
      if (hours < 24 && minutes < 60) {
        return LocalTime.of(hours, minutes);
      }
    }
    throw error(understood, (word.isEmpty() ? "the time is missing" : Mrkdwn.echo(word) + " is not a time")
        + "; use 24-hour HH:MM, e.g. `at 09:30`");
  }

  private static void expect(List<String> words, List<String> understood, String word, String hint) {
    if (words.isEmpty() || !lower(words.get(0)).equals(word)) {
      throw error(understood, hint);
    }
    understood.add(words.remove(0));
  }

  private static UserError error(List<String> understood, String problem) {
    String so = understood.isEmpty() ? ""
        : "I understood " + Mrkdwn.echo(String.join(" ", understood)) + ", then ";
    return new UserError(":calendar: " + so + problem + ".\nA cadence looks like " + FORMS
        + ". Example: `" + EXAMPLE + "`");
  }

  private static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
