package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Static sides: every cross pair meets in exactly as many rounds as the larger side has members (the minimum:
 * each of the smaller side meets one new person a round), nobody meets anyone twice before that, and the larger
 * side takes turns evenly.
 */
class CrossGroupCoverageTest {

  static List<Arguments> sides() {
    List<Arguments> sides = new ArrayList<>();
    for (int small = 1; small <= 9; small++) {
      for (int large = small; large <= 13; large++) {
        sides.add(Arguments.of(small, large));
      }
    }
    sides.add(Arguments.of(12, 30));
    sides.add(Arguments.of(20, 20));
    sides.add(Arguments.of(16, 40));
    return sides;
  }

  @ParameterizedTest(name = "{0} meet {1}")
  @MethodSource("sides")
  void everyCrossPairMeetsOnceInTheFewestRoundsAndTheLargerSideTakesEvenTurns(int small, int large) {
    for (long seed : new long[] {3, 2_027}) {
      Set<String> a = new HashSet<>(CrossSimulation.ids("a", small));
      Set<String> b = new HashSet<>(CrossSimulation.ids("b", large));
      List<Member> pool = new ArrayList<>();
      a.forEach(id -> pool.add(Pools.member(id)));
      b.forEach(id -> pool.add(Pools.member(id)));
      CrossSimulation simulation = new CrossSimulation(new OptimalMatcher());

      for (int round = 0; round < large; round++) {
        List<Group> groups = simulation.round(pool, a, b, seed);
        assertThat(groups).hasSize(small);
        assertThat(simulation.simulation().lastRepeats()).as("round %d, seed %d: a repeat", round, seed)
            .isZero();
      }

      assertThat(simulation.allCrossPairsMet(a, b)).as("seed %d", seed).isTrue();
      for (String id : b) {
        assertThat(simulation.placements(id)).as("%s placed, seed %d", id, seed).isEqualTo(small);
        assertThat(simulation.longestWait(id)).as("%s waited in a row", id)
            .isLessThanOrEqualTo((large - small + small - 1) / small);
      }
    }
  }
}
