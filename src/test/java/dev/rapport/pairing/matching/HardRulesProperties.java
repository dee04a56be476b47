package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

class HardRulesProperties {

  private final GroupMatcher matcher = new OptimalMatcher();

  @Property(tries = 400)
  void everyoneIsPlacedExactlyOnceInGroupsOfThePromisedSizes(
      @ForAll @IntRange(min = 0, max = 40) int n, @ForAll @IntRange(min = 2, max = 4) int size,
      @ForAll @IntRange(min = 0, max = 8) int pastRounds, @ForAll long seed) {
    Scenario scenario = new Scenario(n, size, pastRounds, 0, seed);
    List<Group> groups = matcher.match(scenario.request());

    if (n < 2) {
      assertThat(groups).as("a lone member is left to the caller").isEmpty();
      return;
    }
    assertThat(groups.stream().flatMap(g -> g.members().stream()))
        .containsExactlyInAnyOrderElementsOf(Pools.ids(scenario.pool()));
    assertThat(Rules.sizesOf(groups)).containsExactly(Rules.expectedSizes(n, size));
    assertThat(groups).allSatisfy(g -> assertThat(g.members()).hasSizeGreaterThan(1));
  }

  @Property(tries = 400)
  void doNotPairIsNeverBrokenAndOnlyImpossiblePoolsAreRefused(
      @ForAll @IntRange(min = 2, max = 12) int n, @ForAll @IntRange(min = 2, max = 4) int size,
      @ForAll @IntRange(min = 0, max = 4) int pastRounds,
      @ForAll @IntRange(min = 0, max = 30) int avoidPairs, @ForAll long seed) {
    Scenario scenario = new Scenario(n, size, pastRounds, avoidPairs, seed);
    UnmatchablePoolException refused = catchThrowableOfType(
        () -> assertRespectsDoNotPair(scenario, matcher.match(scenario.request())),
        UnmatchablePoolException.class);

    Statistics.label("outcome").collect(refused == null ? "matched" : "refused")
        .coverage(check -> {
          check.check("refused").percentage(p -> p >= 5);
          check.check("matched").percentage(p -> p >= 30);
        });
    if (refused != null) {
      assertThat(Rules.arrangementExists(scenario)).as("a valid arrangement exists").isFalse();
      assertThat(refused.unplaceable()).isNotEmpty().isSorted()
          .allSatisfy(id -> assertThat(Pools.ids(scenario.pool())).contains(id))
          .allSatisfy(id -> assertThat(Pools.ids(scenario.pool()))
              .anyMatch(other -> scenario.avoids(id, other)));
    }
  }

  @Property(tries = 150)
  void doNotPairHoldsInLargerPoolsWithManyConflicts(
      @ForAll @IntRange(min = 20, max = 120) int n, @ForAll @IntRange(min = 2, max = 4) int size,
      @ForAll @IntRange(min = 0, max = 6) int pastRounds, @ForAll long seed) {
    Scenario scenario = new Scenario(n, size, pastRounds, 2 * n, seed);
    assertRespectsDoNotPair(scenario, matcher.match(scenario.request()));
  }

  @Property(tries = 200)
  void sameInputGivesSameGroupsWhateverTheOrderOfItsLists(
      @ForAll @IntRange(min = 0, max = 40) int n, @ForAll @IntRange(min = 2, max = 4) int size,
      @ForAll @IntRange(min = 0, max = 6) int pastRounds,
      @ForAll @IntRange(min = 0, max = 5) int avoidPairs, @ForAll long seed) {
    Scenario scenario = new Scenario(n, size, pastRounds, avoidPairs, seed);
    List<Group> first = outcome(scenario.request());

    assertThat(outcome(scenario.request())).isEqualTo(first);
    assertThat(outcome(scenario.shuffledRequest())).isEqualTo(first);
  }

  /** The groups, or the refusal's names: both must be reproducible. Fresh engine every time. */
  private static List<Group> outcome(MatchRequest request) {
    try {
      return new OptimalMatcher().match(request);
    } catch (UnmatchablePoolException e) {
      return List.of(new Group(e.unplaceable()));
    }
  }

  private static void assertRespectsDoNotPair(Scenario scenario, List<Group> groups) {
    for (Group group : groups) {
      Simulation.forEachPair(group, (a, b) ->
          assertThat(scenario.avoids(a, b)).as("%s and %s share %s", a, b, group).isFalse());
    }
  }
}
