package dev.rapport.pairing.matching;

import java.util.Arrays;

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
 * <p>Odd pools: one member (the extra) stays out of the circle and joins a pair as a trio. With
 * the same extra for the whole cycle, the cycle takes n-2 rounds: the circle over n-1 members needs
 * n-2, and the extra follows a {@link RainbowMatching} plan, meeting two new people in each of
 * (n-1)/2 rounds. The continuing extra is found again from the history as the member who has met
 * the most people; once everyone has met everyone, the trio rotates to the fewest-trios member.
 */
final class RoundRobin {

  /** Index of the extra's plan in the round tiers (see GroupCost#addPairTiers). */
  private static final int PLAN_TIER = 4;

  /** Pair evaluations spent ranking candidate rounds; bounds the cost for huge pools. */
  private static final long RANKING_BUDGET = 2_000_000;

  /**
   * The chosen round: partner per member (-1 for the extra), its pairs, the extra and the pair it
   * should join by plan (null: let costs decide).
   */
  record Round(int[] partner, int[][] pairs, int extra, int[] join, boolean onSchedule,
      long[] score, int played) {}

  private final Pool pool;
  private final MeetingIndex meetings;
  private final GroupCost tiers;

  RoundRobin(Pool pool, MeetingIndex meetings, GroupCost tiers) {
    this.pool = pool;
    this.meetings = meetings;
    this.tiers = tiers;
  }

  /**
   * Odd pools try three extras and keep the best round (see compareCandidates): the one
   * continuing a cycle, the one with most people left to meet (a newcomer: then the old circle is
   * intact and the schedule simply goes on, while the newcomer meets two people), and the one with
   * fewest trios so far.
   */
  Round next() {
    if (pool.n % 2 == 0) {
      return round(-1);
    }
    int[] extras = OddExtras.candidates(pool, meetings, tiers);
    Round best = null;
    for (int i = 0; i < extras.length; i++) {
      if (i == 1 && extras[1] == extras[0] || i == 2 && (extras[2] == extras[0]
          || extras[2] == extras[1])) {
        continue;
      }
      Round round = round(extras[i]);
      if (best == null || compareCandidates(round, best) < 0) {
        best = round;
      }
    }
    return best;
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
    // The extra's plan: one pair per round, new to it. Only worth following while it has people
    // left to meet, and only usable in rounds whose planned pair it has met neither of.
    int[] plan = extra >= 0 && !tiers.exhausted(extra)
        ? RainbowMatching.firstPositionByRound(m) : null;
    long candidates = Math.max(16, RANKING_BUDGET / m);
    for (int r = 0; r < m - 1 && candidates > 0; r++) {
      // While the cycle runs, a round is unplayed iff the anchor has not met its partner in it.
      if (!anchorDone && meetings.met(anchor, circle[r])) {
        continue;
      }
      candidates--;
      long[] score = score(circle, r, extra, usablePlan(plan, circle, r, extra), best);
      if (score != null) {
        best = score;
        bestRound = r;
      }
    }
    int[] partner = new int[pool.n];
    int[][] pairs = new int[m / 2][];
    Arrays.fill(partner, -1);
    for (int p = 0, k = 0; p < m; p++) {
      int q = partnerPosition(p, bestRound, m);
      if (p < q) {
        pairs[k++] = new int[] {circle[p], circle[q]};
        partner[circle[p]] = circle[q];
        partner[circle[q]] = circle[p];
      }
    }
    int planned = usablePlan(plan, circle, bestRound, extra);
    int[] join = planned < 0 ? null
        : new int[] {circle[planned], circle[partnerPosition(planned, bestRound, m)]};
    // On schedule: nobody without a new face and no do-not-pair; repeats only where unavoidable.
    return new Round(partner, pairs, extra, join, best[0] == 0 && best[1] == 0, best,
        extra < 0 ? 0 : playedRounds(circle));
  }

  /** Position of round r's planned pair if the extra has met neither member, else -1. */
  private int usablePlan(int[] plan, int[] circle, int r, int extra) {
    if (plan == null || plan[r] < 0) {
      return -1;
    }
    int p = plan[r];
    int q = partnerPosition(p, r, circle.length);
    return meetings.met(extra, circle[p]) || meetings.met(extra, circle[q]) ? -1 : p;
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
  private long[] score(int[] circle, int r, int extra, int planned, long[] best) {
    long[] acc = new long[GroupCost.TIERS];
    int m = circle.length;
    tiers.addPairTiers(circle[m - 1], circle[r], acc);
    int extraRepeats = extra < 0 ? 0 : repeats(extra, circle[m - 1], circle[r]);
    for (int i = 1; i < m / 2; i++) {
      int a = circle[Math.floorMod(r + i, m - 1)];
      int b = circle[Math.floorMod(r - i, m - 1)];
      tiers.addPairTiers(a, b, acc);
      if (extraRepeats > 0) {
        extraRepeats = Math.min(extraRepeats, repeats(extra, a, b));
      }
      if (best != null && (i & 63) == 0 && compare(acc, best) > 0) {
        return null;
      }
    }
    // Prefer rounds with a pair the extra has not met: its trio then repeats nobody.
    acc[1] += extraRepeats == 2 && !tiers.exhausted(extra) ? 1 : 0;
    acc[3] += extraRepeats;
    acc[PLAN_TIER] += extra >= 0 && !tiers.exhausted(extra) && planned < 0 ? 1 : 0;
    return best == null || compare(acc, best) < 0 ? acc : null;
  }

  private int repeats(int extra, int a, int b) {
    return (meetings.met(extra, a) ? 1 : 0) + (meetings.met(extra, b) ? 1 : 0);
  }

  /**
   * Novelty, meetability and the extra's plan first; then the circle that the history has
   * followed (more fully played rounds), so a running schedule goes on; then the soft tiers.
   */
  private static int compareCandidates(Round a, Round b) {
    int top = Arrays.compare(a.score(), 0, PLAN_TIER + 1, b.score(), 0, PLAN_TIER + 1);
    if (top != 0) {
      return top;
    }
    if (a.played() != b.played()) {
      return Integer.compare(b.played(), a.played());
    }
    return compare(a.score(), b.score());
  }

  /** Rounds of the circle whose pairs have all met: the history's trace of this schedule. */
  private int playedRounds(int[] circle) {
    int m = circle.length;
    int played = 0;
    for (int r = 0; r < m - 1; r++) {
      if (!meetings.met(circle[m - 1], circle[r])) {
        continue; // cheap filter: the anchor's pair of round r
      }
      boolean all = true;
      for (int i = 1; i < m / 2 && all; i++) {
        all = meetings.met(circle[Math.floorMod(r + i, m - 1)], circle[Math.floorMod(r - i, m - 1)]);
      }
      played += all ? 1 : 0;
    }
    return played;
  }

  private static int compare(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Long.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
