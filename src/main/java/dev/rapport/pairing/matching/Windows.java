package dev.rapport.pairing.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Working hours as intervals of the UTC day (minutes; a window crossing UTC midnight is split in
 * two), for exact overlap of a whole group. Members with equal windows share a profile, so pair
 * overlaps are cached per profile pair. Not thread-safe: one instance per match call.
 */
final class Windows {

  static final int DAY = 24 * 60;
  private static final int MAX_CACHED_PROFILES = 512;

  private final int[] profileOf;
  private final int[][] spans; // per profile: start0, end0[, start1, end1], sorted
  private final int[] pairCache;
  private final int profiles;
  private final int[] cur = new int[16];
  private final int[] next = new int[16];

  private Windows(int[] profileOf, int[][] spans) {
    this.profileOf = profileOf;
    this.spans = spans;
    this.profiles = spans.length;
    this.pairCache = profiles <= MAX_CACHED_PROFILES ? new int[profiles * profiles] : null;
    if (pairCache != null) {
      Arrays.fill(pairCache, -1);
    }
  }

  static Windows of(Member[] members) {
    int[] profileOf = new int[members.length];
    Map<Long, Integer> ids = new HashMap<>();
    int[][] spans = new int[members.length][];
    for (int u = 0; u < members.length; u++) {
      WorkingHours hours = members[u].hoursOrDefault();
      // An unknown time zone says nothing about when someone works: the whole day, so it limits nobody.
      int start = !members[u].zoneKnown() ? 0 : Math.floorMod(
          WorkingHours.minuteOfDay(hours.start()) - members[u].utcOffsetMinutes(), DAY);
      int length = !members[u].zoneKnown() ? DAY : Math.floorMod(
          WorkingHours.minuteOfDay(hours.end()) - WorkingHours.minuteOfDay(hours.start()), DAY);
      Integer id = ids.get((long) start * DAY + length);
      if (id == null) {
        id = ids.size();
        ids.put((long) start * DAY + length, id);
        spans[id] = start + length <= DAY ? new int[] {start, start + length}
            : new int[] {0, start + length - DAY, start, DAY};
      }
      profileOf[u] = id;
    }
    return new Windows(profileOf, Arrays.copyOf(spans, ids.size()));
  }

  /** Minutes of the day when both members are working. */
  int overlap(int u, int v) {
    int a = profileOf[u];
    int b = profileOf[v];
    if (pairCache == null) {
      return intersect(spans[a], spans[a].length, spans[b], next);
    }
    int key = a * profiles + b;
    if (pairCache[key] < 0) {
      pairCache[key] = intersect(spans[a], spans[a].length, spans[b], next);
    }
    return pairCache[key];
  }

  /** Minutes of the day when every member of the group is working. */
  int overlap(int[] group, int len) {
    if (len == 2) {
      return overlap(group[0], group[1]);
    }
    int[] first = spans[profileOf[group[0]]];
    System.arraycopy(first, 0, cur, 0, first.length);
    int curLen = first.length;
    int total = 0;
    for (int i = 0; i < curLen; i += 2) {
      total += cur[i + 1] - cur[i];
    }
    for (int i = 1; i < len; i++) {
      total = intersect(cur, curLen, spans[profileOf[group[i]]], next);
      curLen = next[15];
      System.arraycopy(next, 0, cur, 0, curLen);
      if (curLen == 0) {
        return 0;
      }
    }
    return total;
  }

  /** Intersects sorted disjoint spans into out (its length stored in out[15]); returns minutes. */
  private static int intersect(int[] a, int aLen, int[] b, int[] out) {
    int i = 0;
    int j = 0;
    int k = 0;
    int total = 0;
    while (i < aLen && j < b.length) {
      int lo = Math.max(a[i], b[j]);
      int hi = Math.min(a[i + 1], b[j + 1]);
      if (lo < hi) {
        out[k++] = lo;
        out[k++] = hi;
        total += hi - lo;
      }
      if (a[i + 1] < b[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }
    out[15] = k;
    return total;
  }
}
