package dev.rapport.pairing.matching;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Who met whom and when, restricted to the current pool: per member a sorted partner array with
 * the rank of the last meeting (0 = oldest distinct instant). Memory is linear in the history.
 */
final class MeetingIndex {

  /** Ages beyond this many rounds all count as "long ago". */
  static final int RECENCY_UNITS = 1 << 16;

  private final int[][] partners;
  private final int[][] lastRank;
  private final int[] trios;
  private final int rounds;

  private MeetingIndex(int[][] partners, int[][] lastRank, int[] trios, int rounds) {
    this.partners = partners;
    this.lastRank = lastRank;
    this.trios = trios;
    this.rounds = rounds;
  }

  static MeetingIndex of(List<PastGroup> history, Pool pool) {
    Instant[] instants = history.stream().map(PastGroup::at).distinct().sorted()
        .toArray(Instant[]::new);
    int n = pool.n;
    // Pass 1: map ids once into a flat array (deduplicated per group), count entries per member.
    int[] flat = new int[history.stream().mapToInt(g -> g.members().size()).sum()];
    int[] start = new int[history.size() + 1];
    int[] seen = new int[n];
    Arrays.fill(seen, -1);
    int[] count = new int[n];
    int[] trios = new int[n];
    int size = 0;
    for (int g = 0; g < history.size(); g++) {
      start[g] = size;
      List<String> ids = history.get(g).members();
      for (String id : ids) {
        int u = pool.indexOf(id);
        if (u >= 0 && seen[u] != g) {
          seen[u] = g;
          flat[size++] = u;
          if (ids.size() >= 3) {
            trios[u]++;
          }
        }
      }
      int k = size - start[g];
      for (int i = start[g]; i < size; i++) {
        count[flat[i]] += k - 1;
      }
    }
    start[history.size()] = size;
    // Pass 2: packed (partner << 32 | rank) entries, sorted, keeping the latest rank per partner.
    long[][] entries = new long[n][];
    for (int u = 0; u < n; u++) {
      entries[u] = new long[count[u]];
    }
    Arrays.fill(count, 0);
    Instant lastAt = null;
    int lastRankFound = 0;
    for (int g = 0; g < history.size(); g++) {
      if (start[g + 1] - start[g] < 2) {
        continue;
      }
      Instant at = history.get(g).at();
      if (!at.equals(lastAt)) { // histories come in rounds: one search per run of equal instants
        lastAt = at;
        lastRankFound = Arrays.binarySearch(instants, at);
      }
      long rank = lastRankFound;
      for (int i = start[g]; i < start[g + 1]; i++) {
        for (int j = start[g]; j < start[g + 1]; j++) {
          if (i != j) {
            entries[flat[i]][count[flat[i]]++] = ((long) flat[j] << 32) | rank;
          }
        }
      }
    }
    int[][] partners = new int[n][];
    int[][] lastRank = new int[n][];
    for (int u = 0; u < n; u++) {
      compact(entries[u], u, partners, lastRank);
      entries[u] = null;
    }
    return new MeetingIndex(partners, lastRank, trios, instants.length);
  }

  private static void compact(long[] entries, int u, int[][] partners, int[][] lastRank) {
    Arrays.sort(entries);
    int distinct = 0;
    for (int i = 0; i < entries.length; i++) {
      if (i + 1 == entries.length || (entries[i] >>> 32) != (entries[i + 1] >>> 32)) {
        distinct++;
      }
    }
    partners[u] = new int[distinct];
    lastRank[u] = new int[distinct];
    int k = 0;
    for (int i = 0; i < entries.length; i++) {
      if (i + 1 == entries.length || (entries[i] >>> 32) != (entries[i + 1] >>> 32)) {
        partners[u][k] = (int) (entries[i] >>> 32); // last of a run holds the latest rank
        lastRank[u][k++] = (int) entries[i];
      }
    }
  }

  /** Rank of the last meeting of u and v, or -1 if they never met. */
  int lastRank(int u, int v) {
    int[] p = partners[u];
    if (p.length == 0) {
      return -1;
    }
    int k = Arrays.binarySearch(p, v);
    return k < 0 ? -1 : lastRank[u][k];
  }

  boolean met(int u, int v) {
    return lastRank(u, v) >= 0;
  }

  /** Higher for more recent meetings, so minimising it prefers repeats from longest ago. */
  int recencyCost(int rank) {
    int age = rounds - rank; // 1 = the latest round
    return RECENCY_UNITS - Math.min(age, RECENCY_UNITS);
  }

  int metCount(int u) {
    return partners[u].length;
  }

  /** How many of the members flagged in {@code among} u has met. */
  int metAmong(int u, boolean[] among) {
    int count = 0;
    for (int v : partners[u]) {
      count += among[v] ? 1 : 0;
    }
    return count;
  }

  int trioCount(int u) {
    return trios[u];
  }
}
