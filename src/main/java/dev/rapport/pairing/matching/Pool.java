package dev.rapport.pairing.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pool with int ids. Index order is the canonical order: a seeded hash of the id, so it is
 * independent of the caller's list order, and members keep their relative order when others join
 * or leave. HashMaps are only looked up, never iterated.
 */
final class Pool {

  final int n;
  final Member[] members;
  final int[] department;
  private final int[][] avoid;
  private final Map<String, Integer> index;

  private Pool(Member[] members, int[] department, int[][] avoid, Map<String, Integer> index) {
    this.n = members.length;
    this.members = members;
    this.department = department;
    this.avoid = avoid;
    this.index = index;
  }

  static Pool of(MatchRequest request) {
    long seed = request.seed();
    Member[] members = request.pool().toArray(new Member[0]);
    long[] keys = new long[members.length];
    Integer[] order = new Integer[members.length];
    for (int i = 0; i < members.length; i++) {
      keys[i] = canonicalKey(seed, members[i].id());
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> keys[i])
        .thenComparing(i -> members[i].id()));
    Member[] sorted = new Member[members.length];
    Map<String, Integer> index = new HashMap<>(members.length * 2);
    Map<String, Integer> departments = new HashMap<>();
    int[] department = new int[members.length];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = members[order[i]];
      index.put(sorted[i].id(), i);
      String dept = sorted[i].department();
      department[i] = dept == null ? -1 : departments.computeIfAbsent(dept, d -> departments.size());
    }
    return new Pool(sorted, department, avoidLists(request.doNotPair(), index, sorted.length), index);
  }

  /** Symmetric, deduplicated, sorted lists restricted to the pool. */
  private static int[][] avoidLists(Map<String, Set<String>> doNotPair, Map<String, Integer> index,
      int n) {
    List<List<Integer>> lists = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lists.add(null);
    }
    doNotPair.forEach((id, avoided) -> {
      Integer u = index.get(id);
      if (u == null) {
        return;
      }
      for (String other : avoided) {
        Integer v = index.get(other);
        if (v != null && !v.equals(u)) {
          add(lists, u, v);
          add(lists, v, u);
        }
      }
    });
    int[][] avoid = new int[n][];
    for (int u = 0; u < n; u++) {
      List<Integer> list = lists.get(u);
      avoid[u] = list == null ? new int[0]
          : list.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }
    return avoid;
  }

  private static void add(List<List<Integer>> lists, int u, int v) {
    if (lists.get(u) == null) {
      lists.set(u, new ArrayList<>(2));
    }
    lists.get(u).add(v);
  }

  int indexOf(String id) {
    Integer i = index.get(id);
    return i == null ? -1 : i;
  }

  String id(int u) {
    return members[u].id();
  }

  boolean avoids(int u, int v) {
    int[] list = avoid[u];
    return list.length != 0 && Arrays.binarySearch(list, v) >= 0;
  }

  int[] avoided(int u) {
    return avoid[u];
  }

  boolean sameDepartment(int u, int v) {
    return department[u] >= 0 && department[u] == department[v];
  }

  static long canonicalKey(long seed, String id) {
    long h = 0xcbf29ce484222325L; // FNV-1a over UTF-16 units: stable across JVMs
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001b3L;
    }
    return mix(h ^ mix(seed));
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
