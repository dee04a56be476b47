package dev.rapport.pairing.matching;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Starting arrangement for groups of 3 and 4, where no round-robin structure is used: the member
 * with the most people already met leads the next group (hardest to place, so placed first), and
 * the group grows by the cheapest remaining member; ties go to the candidate who has met more
 * people, then canonical order. Big pools look at a seeded sample of candidates.
 */
final class GreedyGrouper {

  static final int FULL_SCAN = 400;
  static final int SAMPLE = 160;

  private GreedyGrouper() {}

  static int[][] build(Pool pool, MeetingIndex meetings, GroupCost costs, int[] sizes,
      SplittableRandom random) {
    int n = pool.n;
    Integer[] leaders = new Integer[n];
    for (int u = 0; u < n; u++) {
      leaders[u] = u;
    }
    Arrays.sort(leaders, Comparator.<Integer>comparingInt(u -> -meetings.metCount(u))
        .thenComparingInt(u -> u));
    int[] free = new int[n]; // unplaced members; position kept for O(1) removal
    int[] position = new int[n];
    for (int u = 0; u < n; u++) {
      free[u] = u;
      position[u] = u;
    }
    int freeCount = n;
    int nextLeader = 0;
    int[][] groups = new int[sizes.length][];
    int[] buf = new int[8];
    for (int g = 0; g < sizes.length; g++) {
      while (position[leaders[nextLeader]] < 0) {
        nextLeader++;
      }
      int[] group = new int[sizes[g]];
      group[0] = leaders[nextLeader];
      freeCount = remove(free, position, freeCount, group[0]);
      for (int len = 1; len < group.length; len++) {
        System.arraycopy(group, 0, buf, 0, len);
        boolean all = freeCount <= FULL_SCAN;
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int t = 0; t < (all ? freeCount : SAMPLE); t++) {
          int v = free[all ? t : random.nextInt(freeCount)];
          buf[len] = v;
          long cost = costs.of(buf, len + 1);
          if (cost < bestCost || cost == bestCost && better(meetings, v, best)) {
            best = v;
            bestCost = cost;
          }
        }
        group[len] = best;
        freeCount = remove(free, position, freeCount, best);
      }
      groups[g] = group;
    }
    return groups;
  }

  private static boolean better(MeetingIndex meetings, int v, int best) {
    int byMet = Integer.compare(meetings.metCount(v), meetings.metCount(best));
    return byMet > 0 || byMet == 0 && v < best;
  }

  private static int remove(int[] free, int[] position, int freeCount, int u) {
    int p = position[u];
    int last = free[freeCount - 1];
    free[p] = last;
    position[last] = p;
    position[u] = -1;
    return freeCount - 1;
  }
}
