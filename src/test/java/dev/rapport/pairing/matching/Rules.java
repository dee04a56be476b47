package dev.rapport.pairing.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The hard rules, checked independently of the engine. */
final class Rules {

  private Rules() {}

  /**
   * Group sizes the engine promises: one group for n up to size+1; otherwise as many groups as
   * floor(n / size), each of size or size+1 (the remainder absorbed by groups one bigger); the few
   * pools that cannot be split so get one more group of size-1 or size.
   */
  static int[] expectedSizes(int n, int size) {
    if (n < 2) {
      return new int[0];
    }
    if (n <= size + 1) {
      return new int[] {n};
    }
    int groups = n / size;
    if (n % size > groups) {
      groups++;
    }
    int[] sizes = new int[groups];
    for (int i = 0; i < n; i++) {
      sizes[i % groups]++;
    }
    Arrays.sort(sizes);
    return sizes;
  }

  static int[] sizesOf(List<Group> groups) {
    return groups.stream().mapToInt(g -> g.members().size()).sorted().toArray();
  }

  /** Exhaustive: can the pool be split into groups of these sizes without a do-not-pair pair? */
  static boolean arrangementExists(Scenario scenario) {
    List<String> ids = Pools.ids(scenario.pool());
    int[] sizes = expectedSizes(ids.size(), scenario.groupSize());
    List<List<String>> groups = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      groups.add(new ArrayList<>());
    }
    return place(ids, 0, groups, sizes, scenario);
  }

  private static boolean place(List<String> ids, int next, List<List<String>> groups, int[] sizes,
      Scenario scenario) {
    if (next == ids.size()) {
      return true;
    }
    String id = ids.get(next);
    for (int g = 0; g < groups.size(); g++) {
      List<String> group = groups.get(g);
      if (group.size() == sizes[g] || group.stream().anyMatch(o -> scenario.avoids(id, o))) {
        continue;
      }
      group.add(id);
      if (place(ids, next + 1, groups, sizes, scenario)) {
        return true;
      }
      group.remove(group.size() - 1);
      if (group.isEmpty()) {
        break; // the remaining empty groups are interchangeable with this one
      }
    }
    return false;
  }
}
