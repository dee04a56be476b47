package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DoNotPairTest {

  private final GroupMatcher matcher = new OptimalMatcher();

  @Test
  void twoPeopleWhoMustNotMeetAreRefusedByName() {
    UnmatchablePoolException refused = catchThrowableOfType(() -> matcher.match(
        request(Pools.uniform(2), 2, Map.of("m00", Set.of("m01")))),
        UnmatchablePoolException.class);
    assertThat(refused.unplaceable()).containsExactly("m00", "m01");
  }

  @Test
  void threePeopleMustFormOneTrioSoAnAvoidancePairIsRefused() {
    UnmatchablePoolException refused = catchThrowableOfType(() -> matcher.match(
        request(Pools.uniform(3), 2, Map.of("m02", Set.of("m00")))),
        UnmatchablePoolException.class);
    assertThat(refused.unplaceable()).containsExactly("m00", "m02");
  }

  @Test
  void someoneEveryoneAvoidsIsNamed() {
    Map<String, Set<String>> avoid = new HashMap<>();
    for (String id : List.of("m00", "m01", "m02", "m03")) {
      avoid.put(id, Set.of("m04"));
    }
    UnmatchablePoolException refused = catchThrowableOfType(
        () -> matcher.match(request(Pools.uniform(5), 2, avoid)), UnmatchablePoolException.class);
    assertThat(refused.unplaceable()).contains("m04");
  }

  @Test
  void aOneSidedEntryIsEnough() {
    for (long seed = 1; seed <= 20; seed++) {
      for (Map<String, Set<String>> avoid : List.of(Map.of("m00", Set.of("m01")),
          Map.of("m01", Set.of("m00")))) {
        assertThat(matcher.match(new MatchRequest(Pools.uniform(4), List.of(), 2, avoid, seed)))
            .noneMatch(g -> g.members().containsAll(List.of("m00", "m01")));
      }
    }
  }

  @Test
  void aTightButPossiblePoolIsStillMatched() {
    Map<String, Set<String>> avoid = Map.of("m00", Set.of("m01", "m02", "m03", "m04"));
    assertThat(matcher.match(request(Pools.uniform(6), 2, avoid)))
        .contains(new Group(List.of("m00", "m05")));
  }

  @Test
  void doNotPairOutranksNovelty() {
    Instant at = Instant.parse("2025-02-03T09:00:00Z");
    List<PastGroup> history = List.of(new PastGroup(List.of("m00", "m02"), at),
        new PastGroup(List.of("m01", "m03"), at), new PastGroup(List.of("m00", "m03"), at),
        new PastGroup(List.of("m01", "m02"), at), new PastGroup(List.of("m02", "m03"), at));
    List<Group> groups = matcher.match(new MatchRequest(Pools.uniform(4), history, 2,
        Map.of("m00", Set.of("m01")), 1L));
    assertThat(groups).noneMatch(g -> g.members().containsAll(List.of("m00", "m01")));
  }

  @Test
  void idsOutsideThePoolAreIgnored() {
    Map<String, Set<String>> avoid = Map.of("ghost", Set.of("m00"), "m01", Set.of("ghost"));
    assertThat(matcher.match(request(Pools.uniform(4), 2, avoid))).hasSize(2);
  }

  @Test
  void manyAvoidancesInALargePoolAreAllRespected() {
    List<Member> pool = Pools.uniform(300);
    Random random = new Random(5);
    Map<String, Set<String>> avoid = new HashMap<>();
    for (Member member : pool) {
      List<String> others = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        others.add(pool.get(random.nextInt(pool.size())).id());
      }
      others.remove(member.id());
      avoid.put(member.id(), Set.copyOf(others));
    }
    for (int size = 2; size <= 4; size++) {
      for (Group group : matcher.match(request(pool, size, avoid))) {
        Simulation.forEachPair(group, (a, b) -> assertThat(
            avoid.get(a).contains(b) || avoid.get(b).contains(a)).as("%s-%s", a, b).isFalse());
      }
    }
  }

  private static MatchRequest request(List<Member> pool, int size,
      Map<String, Set<String>> avoid) {
    return new MatchRequest(pool, List.of(), size, avoid, 1L);
  }
}
