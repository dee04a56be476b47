package dev.rapport.pulse;

import dev.rapport.schedule.Cadence;

/** The pulse's words that depend on its cadence, in one place, from the cadence's shared phrasing. */
final class PulseWording {

  private PulseWording() {}

  /**
   * The answer button: "Answer today's pulse" (every day, every weekday), "Answer this week's pulse", "Answer
   * these two weeks' pulse", "Answer these few days' pulse" ({@link Cadence#cyclePossessive}); "Answer the
   * pulse" when the cadence isn't known (the pulse was stopped).
   */
  static String answerButton(Cadence cadence) {
    return cadence == null ? "Answer the pulse" : "Answer " + cadence.cyclePossessive() + " pulse";
  }

  /** "1 period", "3 periods". */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
