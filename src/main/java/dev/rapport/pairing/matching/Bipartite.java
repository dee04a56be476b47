package dev.rapport.pairing.matching;

import java.util.Arrays;

/** Maximum bipartite matching by augmenting paths (breadth-first, so no deep recursion). */
final class Bipartite {

  interface Edge {
    boolean test(int k, int p);
  }

  private final int[] partnerOfSmall;
  private final int[] partnerOfLarge;
  private final int[] reachedFrom;
  private final int[] seen;
  private final int[] queue;
  private int stamp;

  Bipartite(int poolSize, int smallSize) {
    partnerOfSmall = new int[smallSize];
    partnerOfLarge = new int[poolSize];
    reachedFrom = new int[poolSize];
    seen = new int[poolSize];
    queue = new int[smallSize];
    Arrays.fill(partnerOfSmall, -1);
    Arrays.fill(partnerOfLarge, -1);
  }

  void pair(int k, int p) {
    partnerOfSmall[k] = p;
    partnerOfLarge[p] = k;
  }

  int partnerOf(int k) {
    return partnerOfSmall[k];
  }

  /** Looks for an augmenting path from the unmatched k; returns the budget left. */
  long augment(int root, int[] large, Edge edge, long budget) {
    stamp++;
    int head = 0;
    int tail = 0;
    queue[tail++] = root;
    while (head < tail && budget > 0) {
      int k = queue[head++];
      for (int p : large) {
        if (seen[p] == stamp || --budget < 0 || !edge.test(k, p)) {
          continue;
        }
        seen[p] = stamp;
        reachedFrom[p] = k;
        if (partnerOfLarge[p] < 0) {
          for (int cur = p; cur >= 0; ) {
            int kk = reachedFrom[cur];
            int previous = partnerOfSmall[kk];
            pair(kk, cur);
            cur = previous;
          }
          return budget;
        }
        queue[tail++] = partnerOfLarge[p];
      }
    }
    return budget;
  }
}
