package dev.rapport.pairing.matching;

/**
 * The circle method over the canonical order: with m (even) members on positions 0..m-1, round r
 * pairs position m-1 with r and position p with (2r - p) mod (m-1). Its m-1 rounds are a
 * 1-factorisation: every pair meets exactly once, the minimum possible number of rounds.
 *
 * <p>The engine keeps no state, so the schedule is re-derived each round: of the circle's rounds,
 * it takes the one that costs least against the history. While the pool is static and the history
 * is the engine's own, the unplayed rounds are exactly the fully novel ones, so the cycle
 * continues (in whichever order suits time zones and departments best); after churn the least
 * bad round becomes the starting point that local search repairs.
 *
 * <p>Odd pools: one member (the extra) stays out of the circle and joins a pair as a trio. Keeping
 * the same extra for the whole cycle finishes in n-2 rounds (the circle over n-1 members needs
 * n-2, and the extra meets at least one new person per round, two in the first). The extra is
 * the member who has met the most people, so it stays stable while a cycle runs; once everyone
 * has met everyone, the trio rotates to whoever has been in the fewest trios.
 */
final class RoundRobin {

  /** Pair evaluations spent ranking candidate rounds; bounds the cost for huge pools. */
  private static final long RANKING_BUDGET = 2_000_000;

  /** The chosen round: partner per member (-1 for the extra), its pairs and the extra. */
  record Round(int[] partner, int[][] pairs, int extra, boolean onSchedule) {}

  private final Pool pool;
  private final MeetingIndex meetings;
  private final GroupCost tiers;

  RoundRobin(Pool pool, MeetingIndex meetings, GroupCost tiers) {
    this.pool = pool;
    this.meetings = meetings;
    this.tiers = tiers;
  }

  Round next() {
    if (pool.n % 2 == 0) {
      return round(-1);
    }
    int continuing = extraContinuingCycle();
    Round round = round(continuing);
    int fair = extraByFairness();
    return round.onSchedule() || fair == continuing ? round : round(fair);
  }

  private Round round(int extra) {
    int[] circle = new int[extra < 0 ? pool.n : pool.n - 1];
    for (int u = 0, k = 0; u < pool.n; u++) {
      if (u != extra) {
        circle[k++] = u;
      }
    }
    long[] best = null;
    int bestRound = 0;
    int m = circle.length;
    int anchor = circle[m - 1];
    boolean anchorDone = true;
    for (int r = 0; r < m - 1 && anchorDone; r++) {
      anchorDone = meetings.met(anchor, circle[r]);
    }
    long candidates = Math.max(16, RANKING_BUDGET / m);
    for (int r = 0; r < m - 1 && candidates > 0; r++) {
      // While the cycle runs, a round is unplayed iff the anchor has not met its partner in it.
      if (!anchorDone && meetings.met(anchor, circle[r])) {
        continue;
      }
      candidates--;
      long[] score = score(circle, r, best);
      if (score != null) {
        best = score;
        bestRound = r;
      }
    }
    int[] partner = new int[pool.n];
    int[][] pairs = new int[m / 2][];
    java.util.Arrays.fill(partner, -1);
    for (int p = 0, k = 0; p < m; p++) {
      int q = partnerPosition(p, bestRound, m);
      if (p < q) {
        pairs[k++] = new int[] {circle[p], circle[q]};
        partner[circle[p]] = circle[q];
        partner[circle[q]] = circle[p];
      }
    }
    return new Round(partner, pairs, extra, best[0] == 0 && best[1] == 0);
  }

  static int partnerPosition(int p, int round, int m) {
    if (p == m - 1) {
      return round;
    }
    if (p == round) {
      return m - 1;
    }
    return Math.floorMod(2 * round - p, m - 1);
  }

  /** The round's tiers, or null as soon as it cannot beat best (tiers only grow). */
  private long[] score(int[] circle, int r, long[] best) {
    long[] acc = new long[GroupCost.TIERS];
    int m = circle.length;
    tiers.addPairTiers(circle[m - 1], circle[r], acc);
    for (int i = 1; i < m / 2; i++) {
      tiers.addPairTiers(circle[Math.floorMod(r + i, m - 1)], circle[Math.floorMod(r - i, m - 1)],
          acc);
      if (best != null && (i & 63) == 0 && compare(acc, best) > 0) {
        return null;
      }
    }
    return best == null || compare(acc, best) < 0 ? acc : null;
  }

  private static int compare(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Long.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  /**
   * Most people met, ties by canonical order: in a running cycle the extra meets at least as many
   * new people per round as anyone, so this finds the same member again. Among members who have
   * all met everyone, fewest trios first, so the trio rotates between cycles.
   */
  private int extraContinuingCycle() {
    int best = 0;
    for (int u = 1; u < pool.n; u++) {
      int byMet = Integer.compare(meetings.metCount(u), meetings.metCount(best));
      if (byMet > 0 || byMet == 0 && tiers.exhausted(u) && tiers.exhausted(best)
          && meetings.trioCount(u) < meetings.trioCount(best)) {
        best = u;
      }
    }
    return best;
  }

  /** Fewest trios so far, ties by canonical order: used when no cycle is running. */
  private int extraByFairness() {
    int best = 0;
    for (int u = 1; u < pool.n; u++) {
      if (meetings.trioCount(u) < meetings.trioCount(best)) {
        best = u;
      }
    }
    return best;
  }
}
