package dev.rapport.pulse;

import java.util.Arrays;
import java.util.List;

/**
 * What may be shown of one period, decided in one place ({@link #of}) for the report, the CSV, the chart
 * and the App Home alike. A result carries only what its {@link Disclosure} allows, so nothing downstream
 * can show more by mistake:
 * <ul>
 *   <li>{@code PENDING}: open or being tallied, nothing;</li>
 *   <li>{@code WITHHELD}: withheld by the differencing guard, nothing, not even how many answered;</li>
 *   <li>{@code TOO_FEW}: fewer than k answers, how many answered only;</li>
 *   <li>{@code MEANS}: k to 2k−1 answers, each question's mean and the comments;</li>
 *   <li>{@code FULL}: 2k answers or more, also each question's 1–5 counts.</li>
 * </ul>
 *
 * @param means per question (in {@link Question} order), NaN when not shown or nobody answered it
 * @param counts per question, the number of answers for scores 1..5 ({@code FULL} only)
 * @param comments in random order ({@code MEANS} and {@code FULL})
 */
record PeriodResult(Period period, Disclosure disclosure, long responses, double[] means, List<long[]> counts,
                    List<String> comments) {

  enum Disclosure { PENDING, WITHHELD, TOO_FEW, MEANS, FULL }

  PeriodResult {
    boolean shown = disclosure == Disclosure.MEANS || disclosure == Disclosure.FULL;
    responses = disclosure == Disclosure.PENDING || disclosure == Disclosure.WITHHELD ? 0 : responses;
    means = shown && means != null ? means.clone() : nan();
    counts = disclosure == Disclosure.FULL ? List.copyOf(counts) : List.of();
    comments = shown ? List.copyOf(comments) : List.of();
  }

  /**
   * The one rule: {@code counts} and {@code comments} are a closed period's totals, {@code k} the threshold.
   */
  static PeriodResult of(Period period, long responses, List<long[]> counts, List<String> comments, int k) {
    if (!period.isClosed()) {
      return new PeriodResult(period, Disclosure.PENDING, 0, null, List.of(), List.of());
    }
    if (period.withheldBy() != null) {
      return new PeriodResult(period, Disclosure.WITHHELD, 0, null, List.of(), List.of());
    }
    if (responses < k) {
      return new PeriodResult(period, Disclosure.TOO_FEW, responses, null, List.of(), List.of());
    }
    double[] means = new double[Question.values().length];
    for (Question q : Question.values()) {
      means[q.ordinal()] = mean(counts.get(q.ordinal()));
    }
    return new PeriodResult(period, responses >= 2L * k ? Disclosure.FULL : Disclosure.MEANS, responses, means,
        counts, comments);
  }

  /** Whether any score is shown (means at least). */
  boolean shown() {
    return disclosure == Disclosure.MEANS || disclosure == Disclosure.FULL;
  }

  boolean hasDistribution() {
    return disclosure == Disclosure.FULL;
  }

  /** The mean score of {@code q}, or NaN when not shown or nobody answered it. */
  double mean(Question q) {
    return means[q.ordinal()];
  }

  /** How many answered {@code score} to {@code q}; only with {@link #hasDistribution()}. */
  long count(Question q, int score) {
    if (!hasDistribution()) {
      throw new IllegalStateException("1-5 counts of this period may not be shown");
    }
    return counts.get(q.ordinal())[score - Question.MIN_SCORE];
  }

  /** Responses as a share of the people invited (NaN when not known or not shown). */
  double responseRate() {
    boolean known = disclosure != Disclosure.PENDING && disclosure != Disclosure.WITHHELD;
    return !known || period.invited() <= 0 ? Double.NaN : Math.min(1.0, (double) responses / period.invited());
  }

  private static double mean(long[] c) {
    long n = 0;
    long sum = 0;
    for (int i = 0; i < c.length; i++) {
      n += c[i];
      sum += c[i] * (i + Question.MIN_SCORE);
    }
    return n == 0 ? Double.NaN : (double) sum / n;
  }

  private static double[] nan() {
    double[] none = new double[Question.values().length];
    Arrays.fill(none, Double.NaN);
    return none;
  }
}
