package dev.rapport.pairing.matching;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Exact search for an arrangement that respects the do-not-pair list, used only when local search
 * is left with a conflict. Only members with do-not-pair entries are searched (most constrained
 * first, with symmetric empty groups tried once); everyone else fills the remaining seats, which
 * can never create a conflict. Iterative, with a node budget.
 */
final class DoNotPairSolver {

  enum Outcome { FOUND, IMPOSSIBLE, GAVE_UP }

  record Result(Outcome outcome, int[][] groups) {}

  private static final int MAX_GROUP = 5;

  private DoNotPairSolver() {}

  static Result solve(Pool pool, int[] sizes, long nodeBudget) {
    int[] constrained = java.util.stream.IntStream.range(0, pool.n)
        .filter(u -> pool.avoided(u).length > 0).boxed()
        .sorted(Comparator.<Integer>comparingInt(u -> -pool.avoided(u).length)
            .thenComparingInt(u -> u))
        .mapToInt(Integer::intValue).toArray();
    int groups = sizes.length;
    int[][] seats = new int[groups][];
    for (int g = 0; g < groups; g++) {
      seats[g] = new int[sizes[g]];
    }
    int[] fill = new int[groups];
    int[] choice = new int[constrained.length]; // group tried at each depth, -1 = none yet
    Arrays.fill(choice, -1);
    int depth = 0;
    while (depth >= 0 && depth < constrained.length) {
      if (--nodeBudget < 0) {
        return new Result(Outcome.GAVE_UP, null);
      }
      int u = constrained[depth];
      if (choice[depth] >= 0) {
        fill[choice[depth]]--; // undo the previous attempt at this depth
      }
      int g = nextGroup(pool, u, choice[depth] + 1, seats, fill, sizes);
      if (g < 0) {
        choice[depth] = -1;
        depth--;
        continue;
      }
      choice[depth] = g;
      seats[g][fill[g]++] = u;
      depth++;
    }
    if (depth < 0) {
      return new Result(Outcome.IMPOSSIBLE, null);
    }
    boolean[] placed = new boolean[pool.n];
    for (int u : constrained) {
      placed[u] = true;
    }
    for (int u = 0, g = 0; u < pool.n; u++) {
      if (!placed[u]) {
        while (fill[g] == sizes[g]) {
          g++;
        }
        seats[g][fill[g]++] = u;
      }
    }
    return new Result(Outcome.FOUND, seats);
  }

  private static int nextGroup(Pool pool, int u, int from, int[][] seats, int[] fill,
      int[] sizes) {
    // Empty groups of equal size are interchangeable: only the first of each size is tried.
    int[] firstEmpty = new int[MAX_GROUP + 1];
    Arrays.fill(firstEmpty, Integer.MAX_VALUE);
    for (int g = seats.length - 1; g >= 0; g--) {
      if (fill[g] == 0) {
        firstEmpty[sizes[g]] = g;
      }
    }
    for (int g = from; g < seats.length; g++) {
      if (fill[g] == sizes[g] || fill[g] == 0 && firstEmpty[sizes[g]] < g) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < fill[g] && ok; k++) {
        ok = !pool.avoids(u, seats[g][k]);
      }
      if (ok) {
        return g;
      }
    }
    return -1;
  }
}
