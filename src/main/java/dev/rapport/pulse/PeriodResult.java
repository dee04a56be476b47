package dev.rapport.pulse;

import java.util.List;

/**
 * What may be shown of one period. A result is {@link #shown()} only when the period has closed and has at
 * least k answers; otherwise it carries no counts and no comments at all, so nothing downstream can show
 * them by mistake.
 *
 * @param counts per question (in {@link Question} order), the number of answers for scores 1..5
 * @param comments in random order
 */
record PeriodResult(Period period, long responses, boolean shown, List<long[]> counts, List<String> comments) {

  PeriodResult {
    counts = shown ? List.copyOf(counts) : List.of();
    comments = shown ? List.copyOf(comments) : List.of();
  }

  static PeriodResult hidden(Period period, long responses) {
    return new PeriodResult(period, responses, false, List.of(), List.of());
  }

  /** The mean score of {@code q}, or NaN when hidden or nobody answered it. */
  double mean(Question q) {
    if (!shown) {
      return Double.NaN;
    }
    long[] c = counts.get(q.ordinal());
    long n = 0;
    long sum = 0;
    for (int i = 0; i < c.length; i++) {
      n += c[i];
      sum += c[i] * (i + Question.MIN_SCORE);
    }
    return n == 0 ? Double.NaN : (double) sum / n;
  }

  /** How many answered {@code score} to {@code q} (only when shown). */
  long count(Question q, int score) {
    return shown ? counts.get(q.ordinal())[score - Question.MIN_SCORE] : 0;
  }

  /** Responses as a share of the people invited, capped at 1 (people who joined later may answer). */
  double responseRate() {
    return period.invited() <= 0 ? Double.NaN : Math.min(1.0, (double) responses / period.invited());
  }
}
