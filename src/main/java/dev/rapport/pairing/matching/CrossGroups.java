package dev.rapport.pairing.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Cross-group pairs: everyone on the smaller side meets one person from the larger side, never someone on their
 * own side; the rest of the larger side waits its turn.
 *
 * <p>The schedule: with the smaller side's {@code s} members and the larger side's {@code l} in canonical order,
 * round {@code r} places the larger side's members {@code rs … rs+s-1} (mod l), a queue, so each is placed
 * {@code s} times in {@code l} rounds, evenly spread. Slot {@code k} of the round ({@code t = rs + k}) pairs the
 * larger side's member {@code t mod l} with the smaller side's {@code (t + ⌊t / lcm(l, s)⌋) mod s}: within a
 * round that is a bijection, and over {@code l} rounds every cross pair meets exactly once, the minimum possible
 * (the smaller side's members meet one new person a round and each has {@code l} to meet). As in
 * {@link RoundRobin} the engine keeps no state: of the schedule's rounds it takes the one that costs least against
 * the history.
 *
 * <p>Costs, highest first: do-not-pair; deprived members (someone who still has people on the other side left
 * to meet but meets a repeat); the rotation (who waited longest goes first: {@link Structure.Sides#turns()});
 * pairs without common working hours; repeats, their scarcity and recency; leaving the schedule; short overlap;
 * same department. Local search (exchanging partners, or letting a waiting member take someone's place) applies
 * them; a round that is not perfect on novelty is solved again without the schedule: exactly for small sides,
 * else by augmenting novel pairs (maximum bipartite matching).
 */
final class CrossGroups {

  static final int EXACT_MAX = 14;
  static final int FULL_SCAN = 150;
  static final int SAMPLE = 48;
  private static final long RANKING_BUDGET = 2_000_000;
  private static final long SEARCH_BUDGET = 6_000_000;
  private static final long MATCHING_BUDGET = 8_000_000;
  private static final int MAX_PASSES = 100;
  private static final long RANDOM_SALT = 0x51de5L;

  // A pair's cost, packed: each field holds the sum over two pairs without carrying into the next, so comparing
  // the packed sums of two pairs is lexicographic. Highest first.
  static final long AVOID = 1L << 50;
  static final long DEPRIVED = 1L << 46;
  static final long ROTATION = 1L << 42;
  static final long ZERO_OVERLAP = 1L << 39;
  static final long REPEAT = 1L << 36;
  static final long SCARCITY = 1L << 27;
  static final long RECENCY = 1L << 9;
  static final long OFF_SCHEDULE = 1L << 6;
  static final long SHORT_OVERLAP = 1L << 3;
  static final long SAME_DEPARTMENT = 1L;
  static final long[] TIERS = {AVOID, DEPRIVED, ROTATION, ZERO_OVERLAP, REPEAT, SCARCITY, RECENCY, OFF_SCHEDULE,
      SHORT_OVERLAP, SAME_DEPARTMENT};
  private static final int TIER_DEPRIVED = 1;
  private static final int TIER_OFF_SCHEDULE = 7;

  private final Pool pool;
  private final MeetingIndex meetings;
  private final Windows windows;
  private final int[] small;
  private final int[] large;
  private final boolean[] isLarge;
  private final boolean[] exhausted;
  private final int[] left;
  private final int[] rotation;
  private final SplittableRandom random;
  private int[] schedule;
  private long budget;

  private CrossGroups(MatchRequest request, Structure.Sides sides) {
    pool = Pool.of(request);
    meetings = MeetingIndex.of(request.history(), pool);
    windows = Windows.of(pool.members);
    List<Integer> a = new ArrayList<>();
    List<Integer> b = new ArrayList<>();
    for (int u = 0; u < pool.n; u++) {
      (sides.sideA().contains(pool.id(u)) ? a : b).add(u);
    }
    boolean aSmaller = a.size() <= b.size();
    small = (aSmaller ? a : b).stream().mapToInt(Integer::intValue).toArray();
    large = (aSmaller ? b : a).stream().mapToInt(Integer::intValue).toArray();
    isLarge = new boolean[pool.n];
    boolean[] isSmall = new boolean[pool.n];
    for (int p : large) {
      isLarge[p] = true;
    }
    for (int q : small) {
      isSmall[q] = true;
    }
    exhausted = new boolean[pool.n];
    left = new int[pool.n];
    for (int u = 0; u < pool.n; u++) {
      boolean[] other = isLarge[u] ? isSmall : isLarge;
      int blocked = 0;
      for (int v : pool.avoided(u)) {
        blocked += other[v] && !meetings.met(u, v) ? 1 : 0;
      }
      left[u] = Math.max(0, (isLarge[u] ? small.length : large.length) - meetings.metAmong(u, other) - blocked);
      exhausted[u] = left[u] == 0;
    }
    rotation = rotation(sides);
    random = new SplittableRandom(Pool.mix(request.seed() ^ RANDOM_SALT));
    budget = SEARCH_BUDGET;
  }

  static List<Group> match(MatchRequest request, Structure.Sides sides) {
    if (request.pool().size() < 2) {
      return List.of();
    }
    CrossGroups round = new CrossGroups(request, sides);
    if (round.small.length == 0) {
      return List.of(); // nobody on one side: everyone waits
    }
    return round.toGroups(round.solve());
  }

  /**
   * Per larger-side member, what placing them costs the rotation: 0 if they are due (waited longer than the
   * {@code s}-th in line), 1 if tied with the last one due, 2 if someone who waited longer would sit out.
   */
  private int[] rotation(Structure.Sides sides) {
    int[] cost = new int[pool.n];
    if (large.length == small.length) {
      return cost;
    }
    Integer[] order = Arrays.stream(large).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingInt(p -> -sides.turn(pool.id(p))).thenComparingInt(p -> p));
    int threshold = sides.turn(pool.id(order[small.length - 1]));
    for (int p : large) {
      int turn = sides.turn(pool.id(p));
      cost[p] = turn > threshold ? 0 : turn == threshold ? 1 : 2;
    }
    return cost;
  }

  /** Partner (pool index on the larger side) per position on the smaller side. */
  private int[] solve() {
    requireEveryonePlaceable();
    schedule = bestScheduledRound();
    int[] partner = schedule.clone();
    improve(partner);
    long[] scheduled = totals(partner, false);
    if (scheduled[0] > 0 || scheduled[TIER_DEPRIVED] > 0) {
      schedule = null;
      int[] alternative = large.length <= EXACT_MAX ? exact() : augmented(partner);
      improve(alternative);
      if (Arrays.compare(totals(alternative, false), scheduled) < 0) {
        partner = alternative;
      }
    }
    return partner;
  }

  // --- the schedule ---

  private int[] scheduledRound(int r) {
    int s = small.length;
    int l = large.length;
    long lcm = (long) l / gcd(l, s) * s;
    int[] partner = new int[s];
    for (int k = 0; k < s; k++) {
      long t = (long) r * s + k;
      partner[(int) ((t + t / lcm) % s)] = large[(int) (t % l)];
    }
    return partner;
  }

  /**
   * The schedule's round that costs least against the history: first among rounds whose first slot is a new
   * pair (while a cycle runs, exactly the unplayed rounds), else among all (a new cycle).
   */
  private int[] bestScheduledRound() {
    int s = small.length;
    int l = large.length;
    long lcm = (long) l / gcd(l, s) * s;
    long candidates = Math.max(16, RANKING_BUDGET / s);
    long[] best = null;
    int[] bestRound = null;
    for (int pass = 0; pass < 2 && bestRound == null; pass++) {
      for (int r = 0; r < l && candidates > 0; r++) {
        long t = (long) r * s;
        if (pass == 0 && meetings.met(small[(int) ((t + t / lcm) % s)], large[(int) (t % l)])) {
          continue;
        }
        candidates--;
        int[] partner = scheduledRound(r);
        long[] score = totals(partner, false, best);
        if (score != null) {
          best = score;
          bestRound = partner;
        }
      }
    }
    return bestRound != null ? bestRound : scheduledRound(0);
  }

  // --- costs ---

  private long cost(int k, int p) {
    int q = small[k];
    long c = pool.avoids(q, p) ? AVOID : 0;
    int rank = meetings.lastRank(q, p);
    if (rank >= 0) {
      c += ((exhausted[q] ? 0 : 1) + (exhausted[p] ? 0 : 1)) * DEPRIVED + REPEAT
          + (Math.min(left[q], GroupCost.SCARCITY_CAP) + Math.min(left[p], GroupCost.SCARCITY_CAP)) * SCARCITY
          + meetings.recencyCost(rank) * RECENCY;
    }
    c += rotation[p] * ROTATION;
    int overlap = windows.overlap(q, p);
    c += (overlap == 0 ? ZERO_OVERLAP : 0) + (overlap < GroupCost.GOOD_OVERLAP_MINUTES ? SHORT_OVERLAP : 0);
    c += schedule != null && schedule[k] != p ? OFF_SCHEDULE : 0;
    return c + (pool.sameDepartment(q, p) ? SAME_DEPARTMENT : 0);
  }

  private long[] totals(int[] partner, boolean withSchedule) {
    return totals(partner, withSchedule, null);
  }

  /** Each tier summed over the round (the schedule tier only if asked), or null once it can't beat best. */
  private long[] totals(int[] partner, boolean withSchedule, long[] best) {
    long[] acc = new long[TIERS.length];
    for (int k = 0; k < partner.length; k++) {
      long c = cost(k, partner[k]);
      for (int i = 0; i < TIERS.length; i++) {
        acc[i] += i == 0 ? c / TIERS[0] : c % TIERS[i - 1] / TIERS[i];
      }
      if (!withSchedule) {
        acc[TIER_OFF_SCHEDULE] = 0;
      }
      if (best != null && (k & 63) == 63 && Arrays.compare(acc, best) > 0) {
        return null;
      }
    }
    return best == null || Arrays.compare(acc, best) < 0 ? acc : null;
  }

  // --- local search ---

  /**
   * Exchanges partners of two smaller-side members, or lets a waiting member take someone's place, while that
   * lowers the cost. With a schedule, pairs that cost only the tiers below it are not started from.
   */
  private void improve(int[] partner) {
    int s = small.length;
    int[] waiting = waiting(partner);
    long[] pairCost = new long[s];
    for (int k = 0; k < s; k++) {
      pairCost[k] = cost(k, partner[k]);
    }
    long threshold = schedule != null ? OFF_SCHEDULE : 1;
    boolean improved = true;
    for (int pass = 0; improved && pass < MAX_PASSES && budget > 0; pass++) {
      improved = false;
      for (int k = 0; k < s && budget > 0; k++) {
        if (pairCost[k] < threshold) {
          continue;
        }
        boolean all = s <= FULL_SCAN;
        for (int i = 0; i < (all ? s : SAMPLE); i++) {
          int k2 = all ? i : random.nextInt(s);
          if (k2 == k) {
            continue;
          }
          budget -= 2;
          long a = cost(k, partner[k2]);
          long b = cost(k2, partner[k]);
          if (a + b < pairCost[k] + pairCost[k2]) {
            int p = partner[k];
            partner[k] = partner[k2];
            partner[k2] = p;
            pairCost[k] = a;
            pairCost[k2] = b;
            improved = true;
          }
        }
        boolean allWaiting = waiting.length <= FULL_SCAN;
        for (int i = 0; i < (allWaiting ? waiting.length : SAMPLE); i++) {
          int slot = allWaiting ? i : random.nextInt(waiting.length);
          budget--;
          long c = cost(k, waiting[slot]);
          if (c < pairCost[k]) {
            int out = partner[k];
            partner[k] = waiting[slot];
            waiting[slot] = out;
            pairCost[k] = c;
            improved = true;
          }
        }
      }
    }
  }

  private int[] waiting(int[] partner) {
    boolean[] placed = new boolean[pool.n];
    for (int p : partner) {
      placed[p] = true;
    }
    return Arrays.stream(large).filter(p -> !placed[p]).toArray();
  }

  // --- without the schedule ---

  /** The best round exactly: dynamic programming over which larger-side members are placed. */
  private int[] exact() {
    int s = small.length;
    int l = large.length;
    long[][] best = new long[1 << l][];
    int[] choice = new int[1 << l];
    best[0] = new long[TIERS.length];
    int bestFull = -1;
    for (int mask = 0; mask < 1 << l; mask++) {
      int k = Integer.bitCount(mask);
      if (best[mask] == null) {
        continue;
      }
      if (k == s) {
        if (bestFull < 0 || Arrays.compare(best[mask], best[bestFull]) < 0) {
          bestFull = mask;
        }
        continue;
      }
      for (int j = 0; j < l; j++) {
        if ((mask & 1 << j) != 0) {
          continue;
        }
        long c = cost(k, large[j]);
        if (c >= AVOID) {
          continue;
        }
        long[] next = best[mask].clone();
        for (int i = 0; i < TIERS.length; i++) {
          next[i] += i == 0 ? c / TIERS[0] : c % TIERS[i - 1] / TIERS[i];
        }
        int to = mask | 1 << j;
        if (best[to] == null || Arrays.compare(next, best[to]) < 0) {
          best[to] = next;
          choice[to] = j;
        }
      }
    }
    int[] partner = new int[s];
    for (int mask = bestFull; mask != 0; ) {
      int j = choice[mask];
      partner[Integer.bitCount(mask) - 1] = large[j];
      mask &= ~(1 << j);
    }
    return partner;
  }

  /**
   * As many new pairs as the budget allows (augmenting paths, first over pairs with common working hours, then
   * over all new pairs), starting from the round's new pairs; the others get the cheapest members left.
   */
  private int[] augmented(int[] from) {
    Bipartite matching = new Bipartite(pool.n, small.length);
    for (int k = 0; k < from.length; k++) {
      if (isNew(k, from[k])) {
        matching.pair(k, from[k]);
      }
    }
    long edgeBudget = MATCHING_BUDGET;
    for (boolean meetableOnly : new boolean[] {true, false}) {
      for (int k = 0; k < small.length && edgeBudget > 0; k++) {
        if (matching.partnerOf(k) < 0 && !exhausted[small[k]]) {
          edgeBudget = matching.augment(k, large, (kk, p) -> isNew(kk, p)
              && (!meetableOnly || windows.overlap(small[kk], p) > 0), edgeBudget);
        }
      }
    }
    int[] partner = new int[small.length];
    boolean[] taken = new boolean[pool.n];
    for (int k = 0; k < small.length; k++) {
      partner[k] = matching.partnerOf(k);
      if (partner[k] >= 0) {
        taken[partner[k]] = true;
      }
    }
    for (int k = 0; k < small.length; k++) {
      if (partner[k] < 0) {
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int p : large) {
          long c = taken[p] ? Long.MAX_VALUE : cost(k, p);
          if (c < bestCost) {
            best = p;
            bestCost = c;
          }
        }
        partner[k] = best;
        taken[best] = true;
      }
    }
    return partner;
  }

  private boolean isNew(int k, int p) {
    return !meetings.met(small[k], p) && !pool.avoids(small[k], p);
  }

  /**
   * Nobody on the smaller side may be left without an allowed partner: if do-not-pair leaves no way to place
   * them all, the ones a maximum matching can't place are refused by name.
   */
  private void requireEveryonePlaceable() {
    boolean any = false;
    for (int q : small) {
      any |= pool.avoided(q).length > 0;
    }
    if (!any) {
      return;
    }
    Bipartite matching = new Bipartite(pool.n, small.length);
    for (int k = 0; k < small.length; k++) {
      matching.augment(k, large, (kk, p) -> !pool.avoids(small[kk], p), Long.MAX_VALUE);
    }
    TreeSet<String> unplaceable = new TreeSet<>();
    for (int k = 0; k < small.length; k++) {
      if (matching.partnerOf(k) < 0) {
        unplaceable.add(pool.id(small[k]));
      }
    }
    if (!unplaceable.isEmpty()) {
      throw new UnmatchablePoolException(new ArrayList<>(unplaceable));
    }
  }

  private List<Group> toGroups(int[] partner) {
    List<Group> groups = new ArrayList<>(partner.length);
    for (int k = 0; k < partner.length; k++) {
      String a = pool.id(small[k]);
      String b = pool.id(partner[k]);
      groups.add(new Group(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a)));
    }
    groups.sort(Comparator.comparing(group -> group.members().get(0)));
    return groups;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
