package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundRobinCoverageTest {

  static List<Integer> poolSizes() {
    List<Integer> sizes = new ArrayList<>();
    for (int n = 2; n <= 40; n++) {
      sizes.add(n);
    }
    return sizes;
  }

  /**
   * Even n: n-1 rounds, the minimum (in pairs everyone meets exactly one person per round).
   * Odd n: n-2 rounds with one trio per round (n = 3 is a single trio: 1 round).
   */
  static int expectedRounds(int n) {
    return n % 2 == 0 ? n - 1 : Math.max(1, n - 2);
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("poolSizes")
  void staticPoolOfPairsMeetsEveryoneInExactlyTheOptimalNumberOfRounds(int n) {
    for (long seed : new long[] {42, 7_919}) {
      assertThat(roundsUntilEveryoneMet(Pools.uniform(n), seed))
          .as("n = %d, seed %d", n, seed)
          .isEqualTo(expectedRounds(n));
    }
  }

  @Test
  void evenPoolNeverRepeatsAPairBeforeEveryoneHasMet() {
    List<Member> pool = Pools.uniform(24);
    Simulation simulation = new Simulation(new OptimalMatcher());
    for (int round = 0; round < 23; round++) {
      for (Group group : simulation.round(pool, 2, 3L)) {
        assertThat(simulation.history().stream()
            .filter(past -> past.members().containsAll(group.members()))
            .count()).as("round %d: %s", round, group).isEqualTo(1);
      }
    }
  }

  @Test
  void secondCycleReplaysTheFirstSoEveryRepeatIsAsOldAsPossible() {
    List<Member> pool = Pools.uniform(10);
    Simulation simulation = new Simulation(new OptimalMatcher());
    List<List<Group>> cycle = new ArrayList<>();
    for (int round = 0; round < 9; round++) {
      cycle.add(simulation.round(pool, 2, 5L));
    }
    for (int round = 0; round < 9; round++) {
      assertThat(simulation.round(pool, 2, 5L)).isEqualTo(cycle.get(round));
    }
  }

  private static int roundsUntilEveryoneMet(List<Member> pool, long seed) {
    Simulation simulation = new Simulation(new OptimalMatcher());
    int rounds = 0;
    while (!simulation.allPairsMet(Pools.ids(pool)) && rounds < 3 * pool.size()) {
      simulation.round(pool, 2, seed + pool.size());
      rounds++;
    }
    return rounds;
  }
}
