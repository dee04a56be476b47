package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZoneTest {

  /** London and Sydney, both 09:00-17:00 local: not a single shared working minute. */
  static List<Member> twoClusters() {
    List<Member> pool = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pool.add(Pools.member("lon" + i, 0, null));
    }
    for (int i = 0; i < 6; i++) {
      pool.add(Pools.member("syd" + i, 10, null));
    }
    return pool;
  }

  /**
   * Pairs: for three rounds each cluster still has a perfect set of new partners (after two
   * rounds the six in Sydney have a 3-regular graph of people not yet met, which always has one).
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void pairsStayInsideTheirTimeZoneWhileNewPartnersRemainThere(long seed) {
    assertNoGroupSpansBothClusters(2, 3, seed);
  }

  /** Trios: 8 = 4 + 4 and 6 = 3 + 3; from the third round the six cannot all meet someone new. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void triosStayInsideTheirTimeZoneWhileNewPartnersRemainThere(long seed) {
    assertNoGroupSpansBothClusters(3, 2, seed);
  }

  private static void assertNoGroupSpansBothClusters(int size, int rounds, long seed) {
    Simulation simulation = new Simulation(new OptimalMatcher());
    for (int round = 0; round < rounds; round++) {
      for (Group group : simulation.round(twoClusters(), size, seed)) {
        assertThat(group.members().stream().map(id -> id.substring(0, 3)).distinct())
            .as("round %d: %s", round, group).hasSize(1);
      }
    }
  }

  /**
   * a (UTC+0) and b (UTC+1) share 7 h, c (+7) and d (+8) share 7 h; a-c and b-d share 1 h,
   * b-c 2 h and a-d nothing. Best hours first, then the 1-hour round; the zero-overlap pair still
   * meets in round three because novelty ranks first.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void longerSharedHoursComeFirstButNewPartnersOutrankThem(long seed) {
    List<Member> pool = List.of(Pools.member("a", 0, null), Pools.member("b", 1, null),
        Pools.member("c", 7, null), Pools.member("d", 8, null));
    Simulation simulation = new Simulation(new OptimalMatcher());

    assertThat(simulation.round(pool, 2, seed)).containsExactly(group("a", "b"), group("c", "d"));
    assertThat(simulation.round(pool, 2, seed)).containsExactly(group("a", "c"), group("b", "d"));
    assertThat(simulation.round(pool, 2, seed)).containsExactly(group("a", "d"), group("b", "c"));
  }

  @Test
  void unknownHoursCountAsNineToFiveLocal() {
    List<Member> pool = List.of(Pools.member("lon1", 0, null), Pools.member("lon2", 0, null),
        new Member("syd1", 600, null, null), new Member("syd2", 600, null, null));
    for (long seed = 1; seed <= 6; seed++) {
      assertThat(new OptimalMatcher().match(new MatchRequest(pool, List.of(), 2, Map.of(), seed)))
          .containsExactly(group("lon1", "lon2"), group("syd1", "syd2"));
    }
  }

  @Test
  void nightShiftIsPairedWithTheOtherSideOfTheWorld() {
    Member night = new Member("lon-night", 0,
        new WorkingHours(LocalTime.of(22, 0), LocalTime.of(6, 0)), null);
    List<Member> pool = List.of(night, Pools.member("lon-day", 0, null),
        Pools.member("syd", 10, null), Pools.member("lon-day2", 0, null));
    for (long seed = 1; seed <= 6; seed++) {
      assertThat(new OptimalMatcher().match(new MatchRequest(pool, List.of(), 2, Map.of(), seed)))
          .contains(group("lon-night", "syd"));
    }
  }

  @Test
  void mixedZonesGetMeetableGroupsFarMoreOftenThanAShuffle() {
    List<Member> pool = new Scenario(40, 2, 0, 0, 99).pool();
    double optimal = meetableShare(new OptimalMatcher(), pool, 2);
    double shuffle = meetableShare(new ShuffleBaseline(), pool, 2);
    assertThat(optimal).isEqualTo(1.0);
    assertThat(shuffle).isLessThan(0.9);
  }

  /** Share of groups with any shared working minute over the first five rounds. */
  private static double meetableShare(GroupMatcher matcher, List<Member> pool, int size) {
    Oracle.Hours hours = Pools.hours(pool);
    List<String> ids = Pools.ids(pool);
    Simulation simulation = new Simulation(matcher);
    int groups = 0;
    int meetable = 0;
    for (int round = 0; round < 5; round++) {
      for (Group group : simulation.round(pool, size, 3L)) {
        groups++;
        meetable += hours.noCommonMinute(group.members().stream().mapToInt(ids::indexOf)
            .toArray()) ? 0 : 1;
      }
    }
    return meetable / (double) groups;
  }

  static Group group(String... members) {
    return new Group(List.of(members));
  }
}
