package dev.rapport.pairing.matching;

import java.util.Arrays;

/**
 * A perfect matching of the circle's positions that takes at most one pair from each round (a
 * rainbow matching of the circle-method 1-factorisation). It is the odd extra's plan: joining
 * exactly these pairs, the extra meets two new people in each of m/2 rounds and has met everyone
 * by the end of the cycle, whatever order the rounds are played in. Depth-first search finds one
 * for every even m except 4 with almost no backtracking (m/2 + a few nodes up to m = 1000).
 */
final class RainbowMatching {

  static final int MAX_POSITIONS = 2_000;
  private static final int NODE_BUDGET = 100_000;

  private RainbowMatching() {}

  /** Position of the planned pair per round (its lower position), or -1; null if none found. */
  static int[] firstPositionByRound(int m) {
    if (m > MAX_POSITIONS) {
      return null;
    }
    int[] partner = new int[m];
    Arrays.fill(partner, -1);
    boolean[] roundUsed = new boolean[m - 1];
    int[] tried = new int[m / 2]; // partner tried at each depth
    int[] lowAt = new int[m / 2];
    int depth = 0;
    int nodes = 0;
    tried[0] = -1;
    lowAt[0] = 0;
    while (depth >= 0 && depth < m / 2) {
      if (++nodes > NODE_BUDGET) {
        return null;
      }
      int p = lowAt[depth];
      if (tried[depth] >= 0) { // undo the previous attempt at this depth
        int q = tried[depth];
        partner[p] = -1;
        partner[q] = -1;
        roundUsed[roundOf(p, q, m)] = false;
      }
      int q = tried[depth] < 0 ? p + 1 : tried[depth] + 1;
      while (q < m && (partner[q] >= 0 || roundUsed[roundOf(p, q, m)])) {
        q++;
      }
      if (q == m) {
        depth--;
        continue;
      }
      tried[depth] = q;
      partner[p] = q;
      partner[q] = p;
      roundUsed[roundOf(p, q, m)] = true;
      if (++depth < m / 2) {
        int next = p + 1;
        while (partner[next] >= 0) {
          next++;
        }
        lowAt[depth] = next;
        tried[depth] = -1;
      }
    }
    if (depth < 0) {
      return null;
    }
    int[] byRound = new int[m - 1];
    Arrays.fill(byRound, -1);
    for (int p = 0; p < m; p++) {
      if (p < partner[p]) {
        byRound[roundOf(p, partner[p], m)] = p;
      }
    }
    return byRound;
  }

  /** The circle-method round in which positions p and q meet. */
  static int roundOf(int p, int q, int m) {
    if (p == m - 1) {
      return q;
    }
    if (q == m - 1) {
      return p;
    }
    return (int) ((long) (p + q) * (m / 2) % (m - 1)); // m/2 is the inverse of 2 mod m-1
  }
}
