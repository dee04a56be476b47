package dev.rapport.pairing.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact best split of a small pool into pairs (plus one trio if n is odd), by dynamic programming
 * over subsets with every pair's and trio's cost precomputed. Totals are compared as (top tiers,
 * the rest): group costs are lexicographic only within a move, so summing whole costs over many
 * groups could let eight zero-overlap groups outweigh one deprived member.
 */
final class ExactPairs {

  static final int MAX_MEMBERS = 16;
  private static final long INFEASIBLE = Long.MAX_VALUE / 4;

  private final int n;
  private final long[][] pairTop;
  private final long[][] pairRest;
  private final long[] trioTop;
  private final long[] trioRest;
  private final long[][] bestTop = new long[2][];
  private final long[][] bestRest = new long[2][];
  private final int[][] choice = new int[2][];

  private ExactPairs(int n, GroupCost costs) {
    this.n = n;
    pairTop = new long[n][n];
    pairRest = new long[n][n];
    trioTop = new long[n * n * n];
    trioRest = new long[n * n * n];
    int[] group = new int[3];
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        group[0] = a;
        group[1] = b;
        long cost = costs.of(group, 2);
        pairTop[a][b] = top(cost);
        pairRest[a][b] = cost % GroupCost.REPEAT;
        for (int c = b + 1; c < n && n % 2 == 1; c++) {
          group[2] = c;
          long trio = costs.of(group, 3);
          trioTop[(a * n + b) * n + c] = top(trio);
          trioRest[(a * n + b) * n + c] = trio % GroupCost.REPEAT;
        }
      }
    }
    for (int t = 0; t < 2; t++) {
      bestTop[t] = new long[1 << n];
      bestRest[t] = new long[1 << n];
      choice[t] = new int[1 << n];
      Arrays.fill(bestTop[t], -1);
    }
  }

  /** Do-not-pair, deprived, zero overlap and repeats as digits of one number (each under 64). */
  private static long top(long cost) {
    long avoid = cost / GroupCost.DO_NOT_PAIR;
    long deprived = cost % GroupCost.DO_NOT_PAIR / GroupCost.DEPRIVED;
    long zero = cost % GroupCost.DEPRIVED / GroupCost.ZERO_OVERLAP;
    long repeats = cost % GroupCost.ZERO_OVERLAP / GroupCost.REPEAT;
    return ((avoid * 64 + deprived) * 64 + zero) * 64 + repeats;
  }

  static int[][] solve(int n, GroupCost costs) {
    ExactPairs exact = new ExactPairs(n, costs);
    int full = (1 << n) - 1;
    exact.best(full, n % 2);
    List<int[]> groups = new ArrayList<>();
    for (int mask = full, trios = n % 2; mask != 0; ) {
      int pick = exact.choice[trios][mask];
      int a = Integer.numberOfTrailingZeros(mask);
      int b = pick & 0xff;
      int c = pick >>> 8;
      groups.add(c == 0 ? new int[] {a, b} : new int[] {a, b, c - 1});
      mask &= ~(1 << a) & ~(1 << b) & (c == 0 ? ~0 : ~(1 << (c - 1)));
      trios -= c == 0 ? 0 : 1;
    }
    return groups.toArray(new int[0][]);
  }

  /** Fills bestTop/bestRest/choice for mask; the lowest member always pairs up first. */
  private void best(int mask, int trios) {
    if (bestTop[trios][mask] >= 0) {
      return;
    }
    if (mask == 0) {
      bestTop[trios][mask] = trios == 0 ? 0 : INFEASIBLE;
      return;
    }
    int a = Integer.numberOfTrailingZeros(mask);
    long top = INFEASIBLE;
    long rest = Long.MAX_VALUE;
    int pick = 0;
    for (int b = a + 1; b < n; b++) {
      if ((mask & (1 << b)) == 0) {
        continue;
      }
      int after = mask & ~(1 << a) & ~(1 << b);
      best(after, trios);
      if (bestTop[trios][after] < INFEASIBLE) {
        long t = pairTop[a][b] + bestTop[trios][after];
        long r = pairRest[a][b] + bestRest[trios][after];
        if (t < top || t == top && r < rest) {
          top = t;
          rest = r;
          pick = b;
        }
      }
      for (int c = b + 1; trios == 1 && c < n; c++) {
        if ((after & (1 << c)) == 0) {
          continue;
        }
        int afterTrio = after & ~(1 << c);
        best(afterTrio, 0);
        if (bestTop[0][afterTrio] >= INFEASIBLE) {
          continue;
        }
        long tt = trioTop[(a * n + b) * n + c] + bestTop[0][afterTrio];
        long rr = trioRest[(a * n + b) * n + c] + bestRest[0][afterTrio];
        if (tt < top || tt == top && rr < rest) {
          top = tt;
          rest = rr;
          pick = b | (c + 1) << 8;
        }
      }
    }
    bestTop[trios][mask] = top;
    bestRest[trios][mask] = rest;
    choice[trios][mask] = pick;
  }
}
