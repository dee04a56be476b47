package dev.rapport.pulse;

import dev.rapport.schedule.Cadence;

/**
 * The pulse's words that depend on its cadence, in one place: a shared cadence phrasing (in schedule/) can
 * replace this without touching the messages that use it.
 */
final class PulseWording {

  private PulseWording() {}

  /**
   * The answer button: "Answer today's pulse" for a daily (or every-weekday) pulse, "this week's" for a weekly
   * one, "this fortnight's" every two weeks; otherwise, where no word fits every period, "Answer the pulse".
   */
  static String answerButton(Cadence cadence) {
    if (cadence == null) {
      return "Answer the pulse";
    }
    if (cadence.everyWeeks() == 1 && cadence.days().size() >= 5) {
      return "Answer today's pulse";
    }
    if (cadence.days().size() == 1) {
      return switch (cadence.everyWeeks()) {
        case 1 -> "Answer this week's pulse";
        case 2 -> "Answer this fortnight's pulse";
        default -> "Answer the pulse for these " + cadence.everyWeeks() + " weeks";
      };
    }
    return "Answer the pulse";
  }

  /** "1 period", "3 periods". */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
