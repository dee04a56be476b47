package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DepartmentTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void triosSpanDepartmentsWhenTheyCan(long seed) {
    List<Member> pool = new ArrayList<>();
    for (String dept : List.of("eng", "ops", "sales", "hr")) {
      for (int i = 0; i < 3; i++) {
        pool.add(Pools.member(dept + i, 0, dept));
      }
    }
    for (Group group : new OptimalMatcher()
        .match(new MatchRequest(pool, List.of(), 3, Map.of(), seed))) {
      assertThat(group.members().stream().map(id -> id.replaceAll("\\d", "")).distinct())
          .as("%s", group).hasSize(3);
    }
  }

  /** The round-robin schedule is free to start with any of its rounds: it starts cross-team. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void pairsCrossDepartmentsInAFreshPool(long seed) {
    List<Member> pool = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pool.add(Pools.member("eng" + i, 0, "eng"));
      pool.add(Pools.member("ops" + i, 0, "ops"));
    }
    for (Group group : new OptimalMatcher()
        .match(new MatchRequest(pool, List.of(), 2, Map.of(), seed))) {
      assertThat(group.members().get(0).substring(0, 3))
          .isNotEqualTo(group.members().get(1).substring(0, 3));
    }
  }

  @Test
  void departmentNeverOutranksMeetingSomeoneNew() {
    List<Member> pool = List.of(Pools.member("eng1", 0, "eng"), Pools.member("eng2", 0, "eng"),
        Pools.member("ops1", 0, "ops"), Pools.member("ops2", 0, "ops"));
    Instant at = Instant.parse("2025-03-03T10:00:00Z");
    List<PastGroup> history = List.of(new PastGroup(List.of("eng1", "ops1"), at),
        new PastGroup(List.of("eng2", "ops2"), at),
        new PastGroup(List.of("eng1", "ops2"), at.plusSeconds(604_800)),
        new PastGroup(List.of("eng2", "ops1"), at.plusSeconds(604_800)));

    assertThat(new OptimalMatcher().match(new MatchRequest(pool, history, 2, Map.of(), 1L)))
        .containsExactly(new Group(List.of("eng1", "eng2")), new Group(List.of("ops1", "ops2")));
  }

  @Test
  void membersWithUnknownDepartmentAreNeutralPartners() {
    List<Member> pool = List.of(Pools.member("eng1", 0, "eng"), Pools.member("eng2", 0, "eng"),
        new Member("x", 0, null, null), new Member("y", 0, null, null));
    for (long seed = 1; seed <= 8; seed++) {
      assertThat(new OptimalMatcher().match(new MatchRequest(pool, List.of(), 2, Map.of(), seed)))
          .doesNotContain(new Group(List.of("eng1", "eng2")));
    }
  }
}
