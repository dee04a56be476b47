package dev.rapport.pairing.matching;

import java.util.SplittableRandom;

/**
 * Improves an arrangement by exchanging two members between groups, or moving one from a bigger
 * group to a smaller one, whenever that lowers the total cost. Only groups at or above a cost
 * threshold start a search (groups below it could only improve by breaking the schedule). Small
 * pools try every other group; big ones a seeded sample, except for do-not-pair conflicts, which
 * always get a full scan. A budget of cost evaluations bounds the time deterministically.
 *
 * <p>When single steps are exhausted, groups that still have no common working hours (or worse: someone without a new
 * face, a do-not-pair conflict) try a two-step chain, because a time-zone cluster can hold the wrong mix of big and
 * small groups (8 people in one zone and 6 in another need 4+4 and 3+3, not 4+3 and 4+3) and fixing that passes
 * through a no-better intermediate state: swap a member in from a bigger group, then move the member it displaced
 * from there on to a smaller group.
 */
final class LocalSearch {

  static final int FULL_SCAN_GROUPS = 150;
  static final int SAMPLED_GROUPS = 48;
  private static final int MAX_PASSES = 100;

  private final Arrangement a;
  private final GroupCost costs;
  private final long threshold;
  private final SplittableRandom random;
  private long budget;
  private final int lo;
  private final int hi;
  private final int[] bufG = new int[8];
  private final int[] bufH = new int[8];
  // best move found for the current member: kind 0 none, 1 swap, 2 move out, 3 pull in
  private long bestDelta;
  private int bestKind;
  private int bestGroup;
  private int bestSlot;

  LocalSearch(Arrangement a, long threshold, SplittableRandom random, long budget) {
    this.a = a;
    this.costs = a.costs();
    this.threshold = threshold;
    this.random = random;
    this.budget = budget;
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (int g = 0; g < a.groups(); g++) {
      smallest = Math.min(smallest, a.size[g]);
      largest = Math.max(largest, a.size[g]);
    }
    this.lo = smallest;
    this.hi = largest;
  }

  void run() {
    for (int round = 0; round < MAX_PASSES && budget > 0; round++) {
      singleSteps();
      boolean chained = false;
      for (int g = 0; g < a.groups() && budget > 0 && lo < hi; g++) {
        if (a.cost[g] >= GroupCost.ZERO_OVERLAP) {
          chained |= chain(g);
        }
      }
      if (!chained) {
        return;
      }
    }
  }

  /**
   * Passes over the target groups until one improves nothing. After the first pass only groups
   * changed in the previous pass are rescanned; small pools then confirm with one full pass before
   * stopping, so they end in an exact local optimum (big pools sample anyway).
   */
  private void singleSteps() {
    boolean sampled = a.groups() - 1 > FULL_SCAN_GROUPS;
    boolean everyGroup = true;
    for (int pass = 1; pass <= MAX_PASSES && budget > 0; pass++) {
      a.stamp = pass;
      boolean improved = false;
      for (int g = 0; g < a.groups() && budget > 0; g++) {
        if (a.cost[g] >= threshold && (everyGroup || a.changedAt[g] >= pass - 1)) {
          improved |= improve(g);
        }
      }
      if (!improved && (everyGroup || sampled)) {
        return;
      }
      everyGroup = !improved;
    }
  }

  /**
   * Best chain for group g: its member v swaps with u from a bigger group, then v moves on from
   * there to a smaller group. Applies it if it lowers the total cost.
   */
  private boolean chain(int g) {
    boolean full = a.groups() - 1 <= FULL_SCAN_GROUPS;
    int tries = full ? a.groups() - 1 : SAMPLED_GROUPS;
    long best = 0;
    int bestI = -1;
    int bestA = -1;
    int bestJ = -1;
    int bestD = -1;
    for (int i = 0; i < a.size[g]; i++) {
      int v = a.members[g][i];
      long onward = Long.MAX_VALUE; // cheapest smaller group for v to end up in
      int onwardGroup = -1;
      for (int t = 0; t < tries; t++) {
        int d = full ? (g + 1 + t) % a.groups() : sampleOther(g);
        if (a.size[d] == lo) {
          long delta = addDelta(d, v);
          if (delta < onward) {
            onward = delta;
            onwardGroup = d;
          }
        }
      }
      for (int t = 0; t < tries && onwardGroup >= 0; t++) {
        int h = full ? (g + 1 + t) % a.groups() : sampleOther(g);
        for (int j = 0; j < a.size[h] && a.size[h] == hi; j++) {
          long delta = replaceDelta(g, i, a.members[h][j]) + removeDelta(h, j) + onward;
          if (delta < best) {
            best = delta;
            bestI = i;
            bestA = h;
            bestJ = j;
            bestD = onwardGroup;
          }
        }
      }
    }
    if (bestI < 0) {
      return false;
    }
    a.swap(g, bestI, bestA, bestJ);
    a.move(bestA, bestJ, bestD);
    return true;
  }

  private long addDelta(int d, int v) {
    budget--;
    System.arraycopy(a.members[d], 0, bufH, 0, a.size[d]);
    bufH[a.size[d]] = v;
    return costs.of(bufH, a.size[d] + 1) - a.cost[d];
  }

  private long replaceDelta(int g, int i, int u) {
    budget--;
    System.arraycopy(a.members[g], 0, bufG, 0, a.size[g]);
    bufG[i] = u;
    return costs.of(bufG, a.size[g]) - a.cost[g];
  }

  private long removeDelta(int h, int j) {
    budget--;
    int size = a.size[h];
    System.arraycopy(a.members[h], 0, bufH, 0, size);
    bufH[j] = bufH[size - 1];
    return costs.of(bufH, size - 1) - a.cost[h];
  }

  private boolean improve(int g) {
    boolean improved = false;
    boolean full = a.groups() - 1 <= FULL_SCAN_GROUPS || a.cost[g] >= GroupCost.DO_NOT_PAIR;
    for (int i = 0; i < a.size[g] && budget > 0 && a.cost[g] >= threshold; i++) {
      bestDelta = 0;
      bestKind = 0;
      int tries = full ? a.groups() - 1 : SAMPLED_GROUPS;
      for (int t = 0; t < tries; t++) {
        int h = full ? (g + 1 + t) % a.groups() : sampleOther(g);
        consider(g, i, h);
      }
      if (bestKind != 0) {
        apply(g, i);
        improved = true;
      }
    }
    return improved;
  }

  private int sampleOther(int g) {
    int h = random.nextInt(a.groups() - 1);
    return h >= g ? h + 1 : h;
  }

  private void consider(int g, int i, int h) {
    for (int j = 0; j < a.size[h]; j++) {
      offer(swapDelta(g, i, h, j), 1, h, j);
    }
    if (a.size[g] > a.size[h]) {
      offer(moveDelta(g, i, h), 2, h, 0);
    } else if (a.size[h] > a.size[g] && i == 0) {
      for (int j = 0; j < a.size[h]; j++) {
        offer(moveDelta(h, j, g), 3, h, j);
      }
    }
  }

  private void offer(long delta, int kind, int h, int j) {
    if (delta < bestDelta) {
      bestDelta = delta;
      bestKind = kind;
      bestGroup = h;
      bestSlot = j;
    }
  }

  private void apply(int g, int i) {
    switch (bestKind) {
      case 1 -> a.swap(g, i, bestGroup, bestSlot);
      case 2 -> a.move(g, i, bestGroup);
      default -> a.move(bestGroup, bestSlot, g);
    }
  }

  private long swapDelta(int g, int i, int h, int j) {
    budget--;
    System.arraycopy(a.members[g], 0, bufG, 0, a.size[g]);
    System.arraycopy(a.members[h], 0, bufH, 0, a.size[h]);
    bufG[i] = a.members[h][j];
    bufH[j] = a.members[g][i];
    return costs.of(bufG, a.size[g]) + costs.of(bufH, a.size[h]) - a.cost[g] - a.cost[h];
  }

  /** Delta of moving the member at slot i of group from into group to. */
  private long moveDelta(int from, int i, int to) {
    budget--;
    int sf = a.size[from];
    System.arraycopy(a.members[from], 0, bufG, 0, sf);
    bufG[i] = bufG[sf - 1];
    System.arraycopy(a.members[to], 0, bufH, 0, a.size[to]);
    bufH[a.size[to]] = a.members[from][i];
    return costs.of(bufG, sf - 1) + costs.of(bufH, a.size[to] + 1) - a.cost[from] - a.cost[to];
  }
}
