package dev.rapport.pairing.matching;

/**
 * Who may be the odd pool's extra (the member outside the circle who joins a pair as a trio):
 * {@link RoundRobin} ranks one round per candidate and keeps the best.
 */
final class OddExtras {

  private OddExtras() {}

  /** The continuing extra, the one with most people left to meet, the one with fewest trios. */
  static int[] candidates(Pool pool, MeetingIndex meetings, GroupCost costs) {
    return new int[] {extraContinuingCycle(pool, meetings, costs),
        extraWithMostLeft(pool, meetings), extraByFairness(pool, meetings)};
  }

  /**
   * Most people met, ties by canonical order: in a running cycle the extra meets at least as many
   * new people per round as anyone, so this finds the same member again. Among members who have
   * all met everyone, fewest trios first, so the trio rotates between cycles.
   */
  private static int extraContinuingCycle(Pool pool, MeetingIndex meetings,
      GroupCost costs) {
    int best = 0;
    for (int u = 1; u < pool.n; u++) {
      int byMet = Integer.compare(meetings.metCount(u), meetings.metCount(best));
      if (byMet > 0 || byMet == 0 && costs.exhausted(u) && costs.exhausted(best)
          && meetings.trioCount(u) < meetings.trioCount(best)) {
        best = u;
      }
    }
    return best;
  }

  /** Fewest people met, then fewest trios, then canonical order. */
  private static int extraWithMostLeft(Pool pool, MeetingIndex meetings) {
    int best = 0;
    for (int u = 1; u < pool.n; u++) {
      int byMet = Integer.compare(meetings.metCount(u), meetings.metCount(best));
      if (byMet < 0 || byMet == 0 && meetings.trioCount(u) < meetings.trioCount(best)) {
        best = u;
      }
    }
    return best;
  }

  /** Fewest trios so far, ties by canonical order. */
  private static int extraByFairness(Pool pool, MeetingIndex meetings) {
    int best = 0;
    for (int u = 1; u < pool.n; u++) {
      if (meetings.trioCount(u) < meetings.trioCount(best)) {
        best = u;
      }
    }
    return best;
  }
}
