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
public final class OptimalMatcher implements Matcher {

  /** Cost evaluations local search may spend: bounds a 10,000-member round deterministically. */
  private static final long SEARCH_BUDGET = 6_000_000;
  private static final long SOLVER_STEPS = 20_000_000;
  private static final long RANDOM_SALT = 0x5eed_c0ffeeL;

  public OptimalMatcher() {}

  @Override
  public List<Group> match(MatchRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.pool().size() < 2) {
      return List.of(); // the caller handles a lone member
    }
    Pool pool = Pool.of(request);
    MeetingIndex meetings = MeetingIndex.of(request.history(), pool);
    GroupPlan plan = GroupPlan.of(pool.n, request.groupSize());
    GroupCost costs = new GroupCost(pool, meetings, Windows.of(pool.members));
    SplittableRandom random = new SplittableRandom(Pool.mix(request.seed() ^ RANDOM_SALT));

    Arrangement arrangement = plan.groups() == 1
        ? new Arrangement(new int[][] {everyone(pool.n)}, pool.n, pool.n, costs)
        : request.groupSize() == 2
            ? roundRobin(pool, meetings, costs, plan)
            : new Arrangement(GreedyGrouper.build(pool, meetings, costs, plan.sizes(), random),
                pool.n, plan.largest(), costs);
    improve(arrangement, random);
    if (arrangement.breaksDoNotPair()) {
      arrangement = resolveDoNotPair(pool, plan, arrangement, random);
    }
    return arrangement.toGroups(pool);
  }

  private static Arrangement roundRobin(Pool pool, MeetingIndex meetings, GroupCost costs,
      GroupPlan plan) {
    RoundRobin.Round round = new RoundRobin(pool, meetings, costs).next();
    // On schedule, the extra's repeats must not count as ordinary repeats: otherwise search would
    // swap the extra into the circle and the cycle would never complete.
    GroupCost scheduled = costs.withSchedule(round.partner(),
        round.onSchedule() ? round.extra() : -1);
    int[][] groups = round.pairs();
    if (round.extra() >= 0) {
      joinExtra(groups, round.extra(), scheduled);
    }
    return new Arrangement(groups, pool.n, plan.largest(), scheduled);
  }

  /** The extra joins the pair where it adds least cost; ties go to the earliest pair. */
  private static void joinExtra(int[][] pairs, int extra, GroupCost costs) {
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
