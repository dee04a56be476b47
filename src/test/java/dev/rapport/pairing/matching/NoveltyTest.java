package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoveltyTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void newcomerJoiningAnEvenPoolMeetsTwoPeopleAndTheScheduleCarriesOn(long seed) {
    List<Member> veterans = Pools.uniform(10);
    Simulation simulation = new Simulation(new OptimalMatcher());
    for (int round = 0; round < 3; round++) {
      simulation.round(veterans, 2, seed);
    }
    List<Member> grown = new ArrayList<>(veterans);
    grown.add(Pools.member("newcomer"));

    List<Group> first = simulation.round(grown, 2, seed);

    assertThat(simulation.lastRepeats()).isZero();
    assertThat(first).filteredOn(g -> g.members().contains("newcomer"))
        .singleElement().satisfies(g -> assertThat(g.members()).hasSize(3));
    for (int round = 4; round < 9; round++) {
      simulation.round(grown, 2, seed);
    }
    assertThat(simulation.allPairsMet(Pools.ids(veterans)))
        .as("the ten veterans still meet everyone in the optimal 9 rounds").isTrue();
  }

  @Test
  void afterChurnEveryRoundIsAsNovelAsTheBestPossibleSplit() {
    for (long seed = 1; seed <= 4; seed++) {
      List<Member> pool = new ArrayList<>(Pools.uniform(12));
      Random random = new Random(seed);
      Simulation simulation = new Simulation(new OptimalMatcher());
      for (int round = 0; round < 24; round++) {
        assertAsNovelAsPossible(simulation, pool, seed, round);
        if (round % 3 != 1) {
          pool.remove(random.nextInt(pool.size()));
        }
        if (round % 3 != 0) {
          pool.add(Pools.member("new" + seed + "-" + round));
        }
      }
    }
  }

  /** Pools above the exact solver's limit go through the blossom repair instead. */
  @Test
  void churnInLargerPoolsStaysAsNovelAsTheBestPossibleSplit() {
    List<Member> pool = new ArrayList<>(Pools.uniform(20));
    Random random = new Random(7);
    Simulation simulation = new Simulation(new OptimalMatcher());
    for (int round = 0; round < 30; round++) {
      assertAsNovelAsPossible(simulation, pool, 7, round);
      for (int k = 0; k < 2; k++) {
        pool.remove(random.nextInt(pool.size()));
        pool.add(Pools.member("new-" + round + "-" + k));
      }
    }
  }

  private static void assertAsNovelAsPossible(Simulation simulation, List<Member> pool, long seed,
      int round) {
    List<String> ids = Pools.ids(pool);
    boolean[][] met = Oracle.metMatrix(ids, simulation);
    boolean[][] forbidden = new boolean[ids.size()][ids.size()];
    int best = Oracle.bestNovelty(met, forbidden);
    List<Group> groups = simulation.round(pool, 2, seed);
    assertThat(Oracle.novelty(met, forbidden, Oracle.indexed(groups, ids)))
        .as("round %d of seed %d, %d members", round, seed, ids.size())
        .isEqualTo(best);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void whenEveryoneHasMetTheRepeatsAreThoseMetLongestAgo(long seed) {
    List<PastGroup> history = List.of(
        past(1, "m00", "m01"), past(1, "m02", "m03"),
        past(2, "m00", "m02"), past(2, "m01", "m03"),
        past(3, "m00", "m03"), past(3, "m01", "m02"));
    List<Group> groups = new OptimalMatcher()
        .match(new MatchRequest(Pools.uniform(4), history, 2, Map.of(), seed));

    assertThat(groups).containsExactly(
        new Group(List.of("m00", "m01")), new Group(List.of("m02", "m03")));
  }

  @Test
  void theTrioStaysWithOneMemberForACycleThenRotates() {
    List<Member> pool = Pools.uniform(7);
    Simulation simulation = new Simulation(new OptimalMatcher());
    Set<String> inEveryTrio = new HashSet<>(Pools.ids(pool));
    Map<String, Integer> trios = new TreeMap<>();
    for (int round = 0; round < 20; round++) {
      for (Group group : simulation.round(pool, 2, 1L)) {
        if (group.members().size() == 3) {
          group.members().forEach(id -> trios.merge(id, 1, Integer::sum));
          if (round < 5) {
            inEveryTrio.retainAll(group.members());
          }
        }
      }
    }
    assertThat(inEveryTrio).as("the extra of the first cycle").hasSize(1);
    assertThat(trios.values().stream().mapToInt(Integer::intValue).max().getAsInt()
        - trios.values().stream().mapToInt(Integer::intValue).min().getAsInt())
        .as("trio appearances over 20 rounds: %s", trios).isLessThanOrEqualTo(2);
  }

  private static PastGroup past(int week, String... members) {
    return new PastGroup(List.of(members), Instant.parse("2025-01-01T10:00:00Z")
        .plusSeconds(week * 7L * 24 * 3600));
  }
}
