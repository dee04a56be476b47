package dev.rapport.pairing.matching;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The pairing engine. Pure and stateless: everything it knows about earlier rounds comes from the
 * request's history, and the same request gives the same groups.
 *
 * <p>Size 2 starts from the round-robin round that fits the history best ({@link RoundRobin});
 * sizes 3 and 4 from a greedy grouping ({@link GreedyGrouper}). Local search then applies the
 * priorities of {@link GroupCost}: do-not-pair, novelty, meetable time zones, schedule, then
 * softer time-zone and department preferences. A do-not-pair conflict that survives is handed to
 * an exact search ({@link DoNotPairSolver}); if none exists, {@link UnmatchablePoolException}.
 */
public final class OptimalMatcher implements GroupMatcher {

  /** Cost evaluations local search may spend: bounds a 10,000-member round deterministically. */
  private static final long SEARCH_BUDGET = 6_000_000;
  private static final long SOLVER_STEPS = 20_000_000;
  /** Edge tests per blossom repair: about 8 full scans of a 1,000-member pool. */
  private static final long MATCHING_BUDGET = 8_000_000;
  /** Candidate extras x pool size tried when an odd round is not perfect on novelty. */
  private static final int EXTRA_CANDIDATE_WORK = 4_000;
  private static final long RANDOM_SALT = 0x5eed_c0ffeeL;

  public OptimalMatcher() {}

  /**
   * Open rounds as described above; rounds with two sides go to {@link CrossGroups}, with a host to
   * {@link HostedRound}, by office to {@link OfficeRounds} (which matches each office as an open round).
   */
  @Override
  public List<Group> match(MatchRequest request) {
    Objects.requireNonNull(request, "request");
    Structure structure = request.structure();
    if (structure instanceof Structure.Sides sides) {
      return CrossGroups.match(request, sides);
    }
    if (structure instanceof Structure.Hosted hosted) {
      return HostedRound.match(request, hosted);
    }
    if (structure instanceof Structure.Offices offices) {
      return OfficeRounds.match(request, offices, this::open);
    }
    return open(request);
  }

  private List<Group> open(MatchRequest request) {
    if (request.pool().size() < 2) {
      return List.of(); // the caller handles a lone member
    }
    Pool pool = Pool.of(request);
    MeetingIndex meetings = MeetingIndex.of(request.history(), pool);
    GroupPlan plan = GroupPlan.of(pool.n, request.groupSize());
    GroupCost costs = new GroupCost(pool, meetings, Windows.of(pool.members));
    SplittableRandom random = new SplittableRandom(Pool.mix(request.seed() ^ RANDOM_SALT));

    Arrangement arrangement;
    if (plan.groups() == 1) {
      arrangement = new Arrangement(new int[][] {everyone(pool.n)}, pool.n, pool.n, costs);
    } else if (request.groupSize() == 2) {
      arrangement = pairs(pool, meetings, costs, random);
    } else {
      arrangement = new Arrangement(GreedyGrouper.build(pool, meetings, costs, plan.sizes(),
          random), pool.n, plan.largest(), costs);
      improve(arrangement, random);
    }
    if (arrangement.breaksDoNotPair()) {
      arrangement = resolveDoNotPair(pool, plan, arrangement, random);
    }
    return arrangement.toGroups(pool);
  }

  /**
   * Pairs start from the best round-robin round. On schedule with an odd pool, the extra's
   * repeats are exempt from the repeat tier, or search would swap the extra into the circle and
   * the cycle would never complete. Any round that is not perfect on novelty and meetability
   * (someone without a new face, a group without common hours, or a repeat between two people who
   * both still have others to meet) is solved again without the schedule: exactly for small pools
   * ({@link ExactPairs}), else by maximum matching ({@link NovelMatching}), which wins if it is
   * strictly better on those top tiers.
   */
  private static Arrangement pairs(Pool pool, MeetingIndex meetings, GroupCost costs,
      SplittableRandom random) {
    RoundRobin.Round round = new RoundRobin(pool, meetings, costs).next();
    GroupCost plain = costs.withSchedule(round.partner(), -1);
    int extra = round.extra();
    Arrangement best = pairsWithTrio(pool, round, plain,
        round.onSchedule() ? costs.withSchedule(round.partner(), extra) : plain);
    improve(best, random);
    long[] novelty = new Arrangement(best.groupsCopy(), pool.n, 3, plain).noveltyTiers();
    if (novelty[1] == 0 && novelty[2] == 0 && onlyUnavoidableRepeats(best, meetings, costs)) {
      return best;
    }
    if (pool.n <= ExactPairs.MAX_MEMBERS) {
      return new Arrangement(ExactPairs.solve(pool.n, plain), pool.n, 3, plain);
    }
    for (int candidate : extraCandidates(pool, costs, extra)) {
      Arrangement next = new Arrangement(NovelMatching.augment(pool, meetings, plain, best,
          candidate, MATCHING_BUDGET), pool.n, 3, plain);
      improve(next, random);
      if (java.util.Arrays.compare(next.noveltyTiers(), novelty) < 0) {
        best = next;
        novelty = next.noveltyTiers();
      }
    }
    return best;
  }

  /**
   * Even pools: just the maximum matching. Odd pools: who should be the trio's extra is part of
   * the question, so try the round's extra and those with most people left to meet, as many as
   * a small work budget allows (every member for small pools).
   */
  private static int[] extraCandidates(Pool pool, GroupCost costs, int extra) {
    if (pool.n % 2 == 0) {
      return new int[] {-1};
    }
    int count = Math.min(pool.n, Math.max(1, EXTRA_CANDIDATE_WORK / pool.n));
    return java.util.stream.IntStream.range(0, pool.n).boxed()
        .sorted(java.util.Comparator.<Integer>comparingInt(u -> u == extra ? 0 : 1)
            .thenComparingInt(u -> -costs.leftToMeet(u)).thenComparingInt(u -> u))
        .limit(count).mapToInt(Integer::intValue).toArray();
  }

  /** The round's pairs, the extra joining its planned pair or else the cheapest one. */
  private static Arrangement pairsWithTrio(Pool pool, RoundRobin.Round round, GroupCost plain,
      GroupCost costs) {
    int[][] groups = round.pairs().clone();
    if (round.join() != null) {
      for (int k = 0; k < groups.length; k++) {
        if (groups[k][0] == round.join()[0] || groups[k][1] == round.join()[0]) {
          groups[k] = new int[] {groups[k][0], groups[k][1], round.extra()};
        }
      }
    } else if (round.extra() >= 0) {
      joinExtra(groups, round.extra(), plain);
    }
    return new Arrangement(groups, pool.n, 3, costs);
  }

  /** True if every repeated pair includes someone who has already met everyone they may meet. */
  private static boolean onlyUnavoidableRepeats(Arrangement arrangement, MeetingIndex meetings,
      GroupCost costs) {
    for (int g = 0; g < arrangement.groups(); g++) {
      int[] m = arrangement.members[g];
      for (int i = 0; i < arrangement.size[g]; i++) {
        for (int j = i + 1; j < arrangement.size[g]; j++) {
          if (meetings.met(m[i], m[j]) && !costs.exhausted(m[i]) && !costs.exhausted(m[j])) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The extra joins the pair where it adds least cost; ties go to the earliest pair. */
  static void joinExtra(int[][] pairs, int extra, GroupCost costs) {
    int best = 0;
    long bestDelta = Long.MAX_VALUE;
    for (int k = 0; k < pairs.length; k++) {
      int[] trio = {pairs[k][0], pairs[k][1], extra};
      long delta = costs.of(trio, 3) - costs.of(pairs[k], 2);
      if (delta < bestDelta) {
        best = k;
        bestDelta = delta;
      }
    }
    pairs[best] = new int[] {pairs[best][0], pairs[best][1], extra};
  }

  private static void improve(Arrangement arrangement, SplittableRandom random) {
    // With a schedule, groups costing only soft tiers can improve only by breaking it: skip them.
    long threshold = arrangement.costs().hasSchedule() ? GroupCost.EXTRA_REPEAT : 1;
    new LocalSearch(arrangement, threshold, random, SEARCH_BUDGET).run();
  }

  private static Arrangement resolveDoNotPair(Pool pool, GroupPlan plan, Arrangement stuck,
      SplittableRandom random) {
    DoNotPairSolver.Result result =
        DoNotPairSolver.solve(pool, plan.sizes(), SOLVER_STEPS / plan.groups());
    if (result.outcome() != DoNotPairSolver.Outcome.FOUND) {
      throw new UnmatchablePoolException(stuck.doNotPairViolators(pool));
    }
    Arrangement valid =
        new Arrangement(result.groups(), pool.n, plan.largest(), stuck.costs());
    improve(valid, random); // do-not-pair is the top tier, so search cannot reintroduce a conflict
    return valid;
  }

  private static int[] everyone(int n) {
    int[] all = new int[n];
    for (int u = 0; u < n; u++) {
      all[u] = u;
    }
    return all;
  }
}
