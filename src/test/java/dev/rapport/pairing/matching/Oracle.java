package dev.rapport.pairing.matching;

import java.util.Arrays;
import java.util.List;

/**
 * Exact answers for small pools of pairs (plus one trio when n is odd), written independently of
 * the engine, for the order the engine promises: first the fewest deprived members (someone who
 * still has people left to meet but meets nobody new), then the fewest groups without common
 * working hours, then the fewest repeated pairs. Do-not-pair pairs are forbidden.
 */
final class Oracle {

  static final int INFEASIBLE = Integer.MAX_VALUE / 2;
  private static final int DEPRIVED = 1_000_000;
  private static final int NO_COMMON_HOURS = 1_000;

  /** Whether a group (member indexes) has no working minute in common. */
  interface Hours {
    boolean noCommonMinute(int... group);

    Hours ALWAYS_MEET = group -> false;
  }

  private final boolean[][] met;
  private final boolean[][] forbidden;
  private final boolean[] exhausted;
  private final Hours hours;
  private final int[][] memo;

  private Oracle(boolean[][] met, boolean[][] forbidden, Hours hours) {
    this.hours = hours;
    int n = met.length;
    if (n > 20) {
      throw new IllegalArgumentException("exact search is for small pools");
    }
    this.met = met;
    this.forbidden = forbidden;
    this.exhausted = new boolean[n];
    for (int i = 0; i < n; i++) {
      exhausted[i] = true;
      for (int j = 0; j < n; j++) {
        if (i != j && !met[i][j] && !forbidden[i][j]) {
          exhausted[i] = false;
        }
      }
    }
    this.memo = new int[2][1 << n];
    for (int[] row : memo) {
      Arrays.fill(row, -1);
    }
  }

  /** Best score over all splits (deprived, then no common hours, then repeats), or INFEASIBLE. */
  static int bestNovelty(boolean[][] met, boolean[][] forbidden, Hours hours) {
    int n = met.length;
    return new Oracle(met, forbidden, hours).solve((1 << n) - 1, n % 2);
  }

  static int bestNovelty(boolean[][] met, boolean[][] forbidden) {
    return bestNovelty(met, forbidden, Hours.ALWAYS_MEET);
  }

  /** The same score for given groups (indexes into the matrices). */
  static int novelty(boolean[][] met, boolean[][] forbidden, Hours hours, List<int[]> groups) {
    Oracle oracle = new Oracle(met, forbidden, hours);
    int total = 0;
    for (int[] group : groups) {
      total += oracle.groupCost(group);
    }
    return total;
  }

  static int novelty(boolean[][] met, boolean[][] forbidden, List<int[]> groups) {
    return novelty(met, forbidden, Hours.ALWAYS_MEET, groups);
  }

  private int groupCost(int... group) {
    int cost = 0;
    for (int i = 0; i < group.length; i++) {
      boolean fresh = false;
      for (int j = 0; j < group.length; j++) {
        if (i != j) {
          fresh |= !met[group[i]][group[j]];
          if (j > i && met[group[i]][group[j]]) {
            cost++;
          }
        }
      }
      if (!fresh && !exhausted[group[i]]) {
        cost += DEPRIVED;
      }
    }
    return cost + (hours.noCommonMinute(group) ? NO_COMMON_HOURS : 0);
  }

  private int solve(int mask, int trios) {
    if (mask == 0) {
      return trios == 0 ? 0 : INFEASIBLE;
    }
    if (memo[trios][mask] >= 0) {
      return memo[trios][mask];
    }
    int n = met.length;
    int a = Integer.numberOfTrailingZeros(mask);
    int rest = mask & ~(1 << a);
    int best = INFEASIBLE;
    for (int b = a + 1; b < n; b++) {
      if ((rest & (1 << b)) == 0 || forbidden[a][b]) {
        continue;
      }
      int afterPair = rest & ~(1 << b);
      best = Math.min(best, groupCost(a, b) + solve(afterPair, trios));
      for (int c = b + 1; trios == 1 && c < n; c++) {
        if ((afterPair & (1 << c)) != 0 && !forbidden[a][c] && !forbidden[b][c]) {
          best = Math.min(best, groupCost(a, b, c) + solve(afterPair & ~(1 << c), 0));
        }
      }
    }
    memo[trios][mask] = best;
    return best;
  }

  static boolean[][] metMatrix(List<String> ids, Simulation simulation) {
    boolean[][] met = new boolean[ids.size()][ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      for (int j = 0; j < ids.size(); j++) {
        met[i][j] = i != j && simulation.met(ids.get(i), ids.get(j));
      }
    }
    return met;
  }

  static List<int[]> indexed(List<Group> groups, List<String> ids) {
    return groups.stream()
        .map(g -> g.members().stream().mapToInt(ids::indexOf).toArray())
        .toList();
  }
}
