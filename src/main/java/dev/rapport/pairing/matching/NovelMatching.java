package dev.rapport.pairing.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * For pairs, "fewest repeats" is a maximum matching in the graph of pairs who have not met (and
 * may meet). Local search gets close; the {@link Blossom} algorithm closes the gap by augmenting
 * the arrangement's novel pairs from every member left without one. It runs twice: first only
 * over pairs with common working hours, then over all new pairs, so a pair that cannot meet is
 * used only where novelty needs it. A budget of edge tests keeps huge pools bounded.
 */
final class NovelMatching implements Blossom.Edges {

  private final Pool pool;
  private final MeetingIndex meetings;
  private final GroupCost costs;
  private final int n;
  private final int excluded;
  private final boolean[] blocked;
  private final Blossom blossom;
  private final int[] match;
  private boolean meetableOnly;
  private long budget;

  private NovelMatching(Pool pool, MeetingIndex meetings, GroupCost costs, int excluded,
      long budget) {
    this.pool = pool;
    this.meetings = meetings;
    this.costs = costs;
    this.n = pool.n;
    this.excluded = excluded;
    this.budget = budget;
    this.blocked = new boolean[n];
    if (excluded >= 0) {
      blocked[excluded] = true;
    }
    this.blossom = new Blossom(n, this);
    this.match = blossom.match;
  }

  /**
   * Pairs (and, for odd pools, one trio) with as many novel pairs as the budget allows, keeping
   * the given novel pairs where augmenting paths do not need them. The leftover members are
   * paired in canonical order. The trio's extra is the excluded member if given (it stays out of
   * the matching), else the last leftover; it joins the pair where costs says it fits best.
   */
  static int[][] augment(Pool pool, MeetingIndex meetings, GroupCost costs, Arrangement current,
      int excluded, long budget) {
    NovelMatching matching = new NovelMatching(pool, meetings, costs, excluded, budget);
    matching.meetableOnly = true;
    for (int g = 0; g < current.groups(); g++) {
      matching.seed(current.members[g], current.size[g]);
    }
    matching.augmentAll();
    matching.meetableOnly = false;
    matching.augmentAll();
    int[] trio = excluded >= 0 ? matching.pairForExtra() : null;
    return matching.groups(trio);
  }

  @Override
  public boolean test(int u, int v) {
    budget--;
    return u != v && !blocked[u] && !blocked[v] && !meetings.met(u, v) && !pool.avoids(u, v)
        && (!meetableOnly || costs.overlaps(u, v));
  }

  @Override
  public boolean outOfBudget() {
    return budget <= 0;
  }

  /** Keeps the first novel pair of a group as matched. */
  private void seed(int[] group, int size) {
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        int u = group[i];
        int v = group[j];
        if (match[u] < 0 && match[v] < 0 && test(u, v)) {
          match[u] = v;
          match[v] = u;
        }
      }
    }
  }

  private void augmentAll() {
    for (int root = 0; root < n && !outOfBudget(); root++) {
      if (match[root] < 0 && !blocked[root] && !costs.exhausted(root)) {
        blossom.augmentFrom(root);
      }
    }
  }

  /**
   * A matched pair the extra can join meeting two new people with common hours; if none is
   * matched, force one such pair and re-augment, keeping it only if the matching does not shrink.
   */
  private int[] pairForExtra() {
    int y = excluded;
    for (int a = 0; a < n; a++) {
      if (match[a] > a && joinable(y, a, match[a])) {
        return new int[] {a, match[a]};
      }
    }
    int size = matchedCount();
    for (int a = 0; a < n && !outOfBudget(); a++) {
      for (int b = a + 1; b < n && !outOfBudget() && isNew(y, a); b++) {
        if (!joinable(y, a, b) || !test(a, b)) {
          continue;
        }
        int[] saved = match.clone();
        unmatch(a);
        unmatch(b);
        match[a] = b;
        match[b] = a;
        blocked[a] = true;
        blocked[b] = true;
        augmentAll();
        blocked[a] = false;
        blocked[b] = false;
        if (matchedCount() >= size) {
          return new int[] {a, b};
        }
        System.arraycopy(saved, 0, match, 0, n);
      }
    }
    return null;
  }

  private boolean isNew(int y, int a) {
    return a != y && !meetings.met(y, a) && !pool.avoids(y, a);
  }

  private boolean joinable(int y, int a, int b) {
    return isNew(y, a) && isNew(y, b) && costs.meetable(y, a, b);
  }

  private void unmatch(int u) {
    if (match[u] >= 0) {
      match[match[u]] = -1;
      match[u] = -1;
    }
  }

  private int matchedCount() {
    int count = 0;
    for (int u = 0; u < n; u++) {
      count += match[u] >= 0 ? 1 : 0;
    }
    return count;
  }

  private int[][] groups(int[] trio) {
    List<int[]> pairs = new ArrayList<>();
    List<Integer> left = new ArrayList<>();
    for (int u = 0; u < n; u++) {
      if (match[u] > u) {
        pairs.add(trio != null && trio[0] == u ? new int[] {u, match[u], excluded}
            : new int[] {u, match[u]});
      } else if (match[u] < 0 && u != excluded) {
        left.add(u);
      }
    }
    if (excluded >= 0 && trio == null) {
      left.add(excluded);
    }
    for (int i = 0; i + 1 < left.size(); i += 2) {
      pairs.add(new int[] {left.get(i), left.get(i + 1)});
    }
    int[][] groups = pairs.toArray(new int[0][]);
    if (left.size() % 2 == 1) {
      OptimalMatcher.joinExtra(groups, left.get(left.size() - 1), costs);
    }
    return groups;
  }
}
