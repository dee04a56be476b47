package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Groups of 3 and 4 have no round-robin structure, so their coverage is measured, not proved:
 * every pair meets within 1.7x the bound (n-1)/(size-1) (everyone meets size-1 new people per
 * round at best), clearly faster than random shuffles, and the first rounds are all new faces.
 */
class GroupCoverageTest {

  @ParameterizedTest(name = "n = {0}, size {1}")
  @CsvSource({"12, 3", "21, 3", "30, 3", "12, 4", "20, 4", "28, 4"})
  void everyPairMeetsWellWithinTheBoundAndFasterThanShuffles(int n, int size) {
    List<Member> pool = Pools.uniform(n);
    int optimal = roundsUntilEveryoneMet(new OptimalMatcher(), pool, size);
    int shuffled = roundsUntilEveryoneMet(new ShuffleBaseline(), pool, size);

    assertThat(optimal).isLessThanOrEqualTo((int) Math.ceil(1.7 * (n - 1) / (size - 1)));
    assertThat(optimal).as("shuffle took %d", shuffled).isLessThan(shuffled);
  }

  @ParameterizedTest(name = "n = {0}, size {1}")
  @CsvSource({"21, 3", "30, 3", "28, 4"})
  void theFirstRoundsAreAllNewFaces(int n, int size) {
    Simulation simulation = new Simulation(new OptimalMatcher());
    for (int round = 0; round < (n - 1) / (2 * (size - 1)); round++) {
      simulation.round(Pools.uniform(n), size, 1L);
      assertThat(simulation.lastRepeats()).as("round %d", round).isZero();
    }
  }

  private static int roundsUntilEveryoneMet(GroupMatcher matcher, List<Member> pool, int size) {
    Simulation simulation = new Simulation(matcher);
    int rounds = 0;
    while (!simulation.allPairsMet(Pools.ids(pool)) && rounds < 20 * pool.size()) {
      simulation.round(pool, size, 1L);
      rounds++;
    }
    return rounds;
  }
}
