package dev.rapport.pairing.matching;

/**
 * Cost of one group, as a lexicographic order packed into a long. Every tier's weight exceeds the
 * largest change the tiers below it can make when up to three groups of at most five change, so a
 * local move never trades a higher tier for lower ones. Highest first:
 *
 * <ol>
 *   <li>do-not-pair pairs (hard rule);
 *   <li>deprived members: someone who still has people left to meet but sees no new face;
 *   <li>no common working hours in the group (such a group cannot meet at all, so this outranks
 *       the repeat count; it never outranks giving someone a new face);
 *   <li>repeated pairs;
 *   <li>scarcity of the repeats: a repeat costs the number of people its two members still have
 *       left to meet, so unavoidable repeats land on those nearly done, and the members with most
 *       left to meet (who decide when everyone has met) keep meeting new people;
 *   <li>recency of the repeats (a pair met longer ago costs less);
 *   <li>members split from their round-robin partner (this keeps the coverage-optimal schedule
 *       unless novelty or a meetable time zone needs otherwise);
 *   <li>repeats of the odd member joining a round-robin pair (kept out of tier 4 so that placing
 *       the odd member never breaks the schedule);
 *   <li>overlap under two hours;
 *   <li>same-department pairs.
 * </ol>
 */
final class GroupCost {

  static final long SAME_DEPARTMENT = 1L;
  static final long SHORT_OVERLAP = 1L << 5;
  static final long EXTRA_REPEAT = 1L << 7;
  static final long OFF_SCHEDULE = 1L << 10;
  static final long RECENCY = 1L << 14;
  static final long SCARCITY = 1L << 35;
  static final long REPEAT = 1L << 47;
  static final long ZERO_OVERLAP = 1L << 52;
  static final long DEPRIVED = 1L << 54;
  static final long DO_NOT_PAIR = 1L << 58;

  /** Conflicts counted per group; more cannot happen in practice and would overflow the sum. */
  private static final int MAX_DO_NOT_PAIR = 7;

  /** Beyond this many people left to meet, a member counts as having plenty left. */
  static final int SCARCITY_CAP = 63;

  static final int GOOD_OVERLAP_MINUTES = 120;

  /** Tier indexes of {@link #addPairTiers}, compared lexicographically. */
  static final int TIERS = 9;

  private final Pool pool;
  private final MeetingIndex meetings;
  private final Windows windows;
  private final boolean[] exhausted;
  private final int[] left;
  private final int[] schedule;
  private final int exempt;

  GroupCost(Pool pool, MeetingIndex meetings, Windows windows) {
    this(pool, meetings, windows, leftToMeet(pool, meetings), null, -1);
  }

  private GroupCost(Pool pool, MeetingIndex meetings, Windows windows, int[] left,
      int[] schedule, int exempt) {
    this.pool = pool;
    this.meetings = meetings;
    this.windows = windows;
    this.left = left;
    this.exhausted = new boolean[left.length];
    for (int u = 0; u < left.length; u++) {
      exhausted[u] = left[u] == 0;
    }
    this.schedule = schedule;
    this.exempt = exempt;
  }

  /**
   * The same costs plus a round-robin schedule (partner per member, -1 for none) and the odd member
   * whose repeats are counted in the low EXTRA_REPEAT tier instead (-1 for none).
   */
  GroupCost withSchedule(int[] schedule, int exempt) {
    return new GroupCost(pool, meetings, windows, left, schedule, exempt);
  }

  /** Pool members each member has not met yet and may meet (do-not-pair excluded). */
  private static int[] leftToMeet(Pool pool, MeetingIndex meetings) {
    int[] left = new int[pool.n];
    for (int u = 0; u < pool.n; u++) {
      int blocked = 0;
      for (int v : pool.avoided(u)) {
        if (!meetings.met(u, v)) {
          blocked++;
        }
      }
      left[u] = Math.max(0, pool.n - 1 - meetings.metCount(u) - blocked);
    }
    return left;
  }

  int leftToMeet(int u) {
    return left[u];
  }

  /** True if u has met every pool member it may meet: its repeats are unavoidable. */
  boolean exhausted(int u) {
    return exhausted[u];
  }

  boolean hasSchedule() {
    return schedule != null;
  }

  long of(int[] m, int len) {
    int avoid = 0;
    int repeats = 0;
    int extra = 0;
    int same = 0;
    long recency = 0;
    int scarcity = 0;
    int fresh = 0; // bit i: member i sees at least one new face
    for (int i = 0; i < len; i++) {
      int u = m[i];
      for (int j = i + 1; j < len; j++) {
        int v = m[j];
        if (pool.avoids(u, v)) {
          avoid++;
        }
        int rank = meetings.lastRank(u, v);
        if (rank < 0) {
          fresh |= (1 << i) | (1 << j);
        } else if (u == exempt || v == exempt) {
          extra++;
        } else {
          repeats++;
          recency += meetings.recencyCost(rank);
          scarcity += Math.min(left[u], SCARCITY_CAP) + Math.min(left[v], SCARCITY_CAP);
        }
        if (pool.sameDepartment(u, v)) {
          same++;
        }
      }
    }
    int deprived = 0;
    int off = 0;
    for (int i = 0; i < len; i++) {
      if (!exhausted[m[i]] && (fresh & (1 << i)) == 0) {
        deprived++;
      }
      if (schedule != null && schedule[m[i]] >= 0 && !contains(m, len, schedule[m[i]])) {
        off++;
      }
    }
    int overlap = windows.overlap(m, len);
    return Math.min(avoid, MAX_DO_NOT_PAIR) * DO_NOT_PAIR + deprived * DEPRIVED
        + (overlap == 0 ? ZERO_OVERLAP : 0) + repeats * REPEAT + scarcity * SCARCITY
        + recency * RECENCY
        + off * OFF_SCHEDULE
        + extra * EXTRA_REPEAT + (overlap < GOOD_OVERLAP_MINUTES ? SHORT_OVERLAP : 0)
        + same * SAME_DEPARTMENT;
  }

  /**
   * Adds a pair's tiers to acc, in the order of the class comment without the schedule tiers:
   * 0 do-not-pair, 1 deprived, 2 zero overlap, 3 repeat, (4 is the extra's plan, see RoundRobin),
   * 5 scarcity, 6 recency, 7 short overlap, 8 same department. Used to rank whole round-robin
   * rounds lexicographically.
   */
  void addPairTiers(int u, int v, long[] acc) {
    if (pool.avoids(u, v)) {
      acc[0]++;
    }
    int rank = meetings.lastRank(u, v);
    if (rank >= 0) {
      acc[1] += (exhausted[u] ? 0 : 1) + (exhausted[v] ? 0 : 1);
      acc[3]++;
      acc[5] += Math.min(left[u], SCARCITY_CAP) + Math.min(left[v], SCARCITY_CAP);
      acc[6] += meetings.recencyCost(rank);
    }
    int overlap = windows.overlap(u, v);
    if (overlap == 0) {
      acc[2]++;
    }
    if (overlap < GOOD_OVERLAP_MINUTES) {
      acc[7]++;
    }
    if (pool.sameDepartment(u, v)) {
      acc[8]++;
    }
  }

  boolean overlaps(int u, int v) {
    return windows.overlap(u, v) > 0;
  }

  boolean meetable(int... group) {
    return windows.overlap(group, group.length) > 0;
  }

  private static boolean contains(int[] m, int len, int x) {
    for (int i = 0; i < len; i++) {
      if (m[i] == x) {
        return true;
      }
    }
    return false;
  }
}
