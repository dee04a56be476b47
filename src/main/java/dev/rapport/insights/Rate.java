package dev.rapport.insights;

/**
 * A share, behind k: built by {@link #of}, it keeps its numbers only when the people it describes are at least
 * k, so nothing downstream can show more by mistake. A hidden rate reads "fewer than k people".
 *
 * @param part of {@code whole}, -1 when hidden
 * @param whole what the share is of (people, or groups), -1 when hidden
 * @param people how many people the rate describes, -1 when hidden
 */
public record Rate(long part, long whole, long people, int k) {

  public Rate {
    if (!KRule.shows(people, k) || whole <= 0) {
      part = -1;
      whole = -1;
      people = -1;
    }
  }

  /** A share of people: {@code part} of {@code whole} people. */
  public static Rate of(long part, long whole, int k) {
    return new Rate(part, whole, whole, k);
  }

  /** A share of something else (groups) that describes {@code people} people. */
  public static Rate of(long part, long whole, long people, int k) {
    return new Rate(part, whole, people, k);
  }

  public static Rate none(int k) {
    return new Rate(0, 0, 0, k);
  }

  public boolean shown() {
    return whole > 0;
  }

  /** 0–100, or NaN when hidden. */
  public double percent() {
    return shown() ? 100.0 * part / whole : Double.NaN;
  }

  /** "81% (25 of 31)", or "fewer than 5 people" when hidden. */
  public String inWords() {
    return shown() ? Math.round(percent()) + "% (" + part + " of " + whole + ")" : KRule.fewerThan(k);
  }
}
