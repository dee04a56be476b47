package dev.rapport.pairing.matching;

import java.util.Arrays;

/**
 * Edmonds' blossom algorithm for maximum-cardinality matching in a general graph, one augmenting
 * path at a time (O(n) per contraction, O(n) edge tests per scanned vertex). Edges come from a
 * predicate, so no adjacency is stored; the predicate also says when the budget is spent.
 */
final class Blossom {

  interface Edges {
    boolean test(int u, int v);

    boolean outOfBudget();
  }

  final int[] match;
  private final int n;
  private final Edges edges;
  private final int[] parent;
  private final int[] base;
  private final int[] queue;
  private final int[] stamp;
  private final boolean[] used;
  private final boolean[] inBlossom;
  private int stampCounter;

  Blossom(int n, Edges edges) {
    this.n = n;
    this.edges = edges;
    this.match = new int[n];
    this.parent = new int[n];
    this.base = new int[n];
    this.queue = new int[n];
    this.stamp = new int[n];
    this.used = new boolean[n];
    this.inBlossom = new boolean[n];
    Arrays.fill(match, -1);
  }

  /** Grows the matching by one along an augmenting path from an unmatched root, if any. */
  boolean augmentFrom(int root) {
    int end = findPath(root);
    if (end < 0) {
      return false;
    }
    for (int v = end; v >= 0; ) {
      int pv = parent[v];
      int next = match[pv];
      match[v] = pv;
      match[pv] = v;
      v = next;
    }
    return true;
  }

  private int findPath(int root) {
    Arrays.fill(used, false);
    Arrays.fill(parent, -1);
    for (int i = 0; i < n; i++) {
      base[i] = i;
    }
    used[root] = true;
    int head = 0;
    int tail = 0;
    queue[tail++] = root;
    while (head < tail && !edges.outOfBudget()) {
      int v = queue[head++];
      for (int to = 0; to < n; to++) {
        if (base[v] == base[to] || match[v] == to || !edges.test(v, to)) {
          continue;
        }
        if (to == root || match[to] >= 0 && parent[match[to]] >= 0) {
          tail = contract(v, to, tail);
        } else if (parent[to] < 0) {
          parent[to] = v;
          if (match[to] < 0) {
            return to;
          }
          used[match[to]] = true;
          queue[tail++] = match[to];
        }
      }
    }
    return -1;
  }

  /** An odd cycle through v and to: shrink it to its base and queue its outer vertices. */
  private int contract(int v, int to, int tail) {
    int common = lowestCommonBase(v, to);
    Arrays.fill(inBlossom, false);
    markPath(v, common, to);
    markPath(to, common, v);
    for (int i = 0; i < n; i++) {
      if (inBlossom[base[i]]) {
        base[i] = common;
        if (!used[i]) {
          used[i] = true;
          queue[tail++] = i;
        }
      }
    }
    return tail;
  }

  private int lowestCommonBase(int a, int b) {
    stampCounter++;
    while (true) {
      a = base[a];
      stamp[a] = stampCounter;
      if (match[a] < 0) {
        break;
      }
      a = parent[match[a]];
    }
    while (true) {
      b = base[b];
      if (stamp[b] == stampCounter) {
        return b;
      }
      b = parent[match[b]];
    }
  }

  private void markPath(int v, int common, int child) {
    while (base[v] != common) {
      inBlossom[base[v]] = true;
      inBlossom[base[match[v]]] = true;
      parent[v] = child;
      child = match[v];
      v = parent[match[v]];
    }
  }
}
