package dev.rapport.pairing;

import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One nudge of an onboarding journey, counted from the journey's start: {@code day 1} is a day after it, {@code
 * week 1} a week after it. A journey is written as people say it: "day 1, week 1, week 4".
 */
record JourneyStep(int days, String label) implements Comparable<JourneyStep> {

  static final List<JourneyStep> DEFAULT = List.of(day(1), week(1), week(4));
  static final String EXAMPLE = "day 1, week 1, week 4";
  static final int MAX_STEPS = 6;
  static final int MAX_DAYS = 12 * 7;

  private static final Pattern STEP = Pattern.compile("(day|week)s?\\s*(\\d{1,3})");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+|\\band\\b|\\bthen\\b");

  static JourneyStep day(int n) {
    return new JourneyStep(n, "day " + n);
  }

  static JourneyStep week(int n) {
    return new JourneyStep(7 * n, "week " + n);
  }

  @Override
  public int compareTo(JourneyStep other) {
    return Integer.compare(days, other.days);
  }

  /**
   * The steps {@code text} (plain text, as typed) names, in order, each once; a {@link UserError} saying what's
   * wrong otherwise.
   */
  static List<JourneyStep> parse(String text) {
    String plain = (text == null ? "" : text).toLowerCase(Locale.ROOT).strip();
    if (plain.isEmpty()) {
      throw new UserError("Which nudges should the journey have? e.g. `" + EXAMPLE + "`.");
    }
    Matcher m = STEP.matcher(plain);
    TreeSet<JourneyStep> steps = new TreeSet<>();
    int at = 0;
    while (m.find()) {
      String between = plain.substring(at, m.start());
      if (!SEPARATORS.matcher(between).replaceAll("").isEmpty()) {
        throw notAStep(between);
      }
      int n = Integer.parseInt(m.group(2));
      JourneyStep step = m.group(1).equals("day") ? day(n) : week(n);
      if (n < 1 || step.days() > MAX_DAYS) {
        throw new UserError("Journey nudges go from `day 1` to `week 12`, so " + Mrkdwn.code(m.group())
            + " doesn't fit. Example: `" + EXAMPLE + "`.");
      }
      steps.add(step); // a second step on the same day (day 7 and week 1) is the same nudge
      at = m.end();
    }
    if (!SEPARATORS.matcher(plain.substring(at)).replaceAll("").isEmpty()) {
      throw notAStep(plain.substring(at));
    }
    if (steps.size() > MAX_STEPS) {
      throw new UserError("A journey has at most " + MAX_STEPS + " nudges, so new people aren't flooded; you gave "
          + steps.size() + ". Example: `" + EXAMPLE + "`.");
    }
    return new ArrayList<>(steps);
  }

  private static UserError notAStep(String word) {
    return new UserError("I read journey nudges as `day N` or `week N`, not " + Mrkdwn.code(word.strip())
        + ". Example: `" + EXAMPLE + "`.");
  }

  /** "day 1, week 1, week 4": how a journey is written (and read back by {@link #parse}). */
  static String write(List<JourneyStep> steps) {
    return String.join(", ", steps.stream().map(JourneyStep::label).toList());
  }

  /** "day 1, week 1 and week 4", for sentences. */
  static String describe(List<JourneyStep> steps) {
    return Names.listed(steps.stream().map(JourneyStep::label).toList());
  }
}
