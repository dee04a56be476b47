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
   * Even n: n-1 rounds, the minimum (everyone meets one new person per round at most). Odd n:
   * n-2 rounds with one member staying the trio's extra for the cycle; n = 3 is one trio.
   */
  static int expectedRounds(int n) {
    return n % 2 == 0 ? n - 1 : Math.max(1, n - 2);
  }

  @ParameterizedTest(name = "n = {0}")
  @MethodSource("poolSizes")
  void staticPoolOfPairsMeetsEveryoneInTheMinimumNumberOfRounds(int n) {
    List<Member> pool = Pools.uniform(n);
    Simulation simulation = new Simulation(new OptimalMatcher());
    int rounds = 0;
    while (!simulation.allPairsMet(Pools.ids(pool)) && rounds < 3 * n) {
      simulation.round(pool, 2, 42L + n);
      rounds++;
    }
    assertThat(rounds).isEqualTo(expectedRounds(n));
  }
}
