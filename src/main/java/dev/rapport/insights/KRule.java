package dev.rapport.insights;

/** The one threshold of every insight, the pulse's k: a figure describing fewer than k people is never shown. */
final class KRule {

  private KRule() {}

  static boolean shows(long people, int k) {
    return people >= k;
  }

  /** What stands in a hidden figure's place. */
  static String fewerThan(int k) {
    return "fewer than " + k + " people";
  }
}
