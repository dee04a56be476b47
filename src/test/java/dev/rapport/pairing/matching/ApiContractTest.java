package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiContractTest {

  @Test
  void membersNeedAnIdAndARealisticOffset() {
    assertThatThrownBy(() -> new Member(null, 0, null, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Member(" ", 0, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Member("a", 19 * 60, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Member("a", -12 * 60, null, null).hours()).isNull();
  }

  @Test
  void workingHoursMustNotStartAndEndTogether() {
    assertThatThrownBy(() -> new WorkingHours(LocalTime.of(9, 0), LocalTime.of(9, 0, 30)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkingHours(null, LocalTime.NOON))
        .isInstanceOf(NullPointerException.class);
    assertThat(new WorkingHours(LocalTime.of(22, 0), LocalTime.of(6, 0)).end())
        .isEqualTo(LocalTime.of(6, 0));
  }

  @Test
  void requestsRejectBadGroupSizesDuplicatesAndNulls() {
    assertThatThrownBy(() -> request(Pools.uniform(4), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request(Pools.uniform(4), 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request(List.of(Pools.member("a"), Pools.member("a")), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a");
    assertThatThrownBy(() -> new MatchRequest(null, List.of(), 2, Map.of(), 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new MatchRequest(List.of(), null, 2, Map.of(), 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new MatchRequest(List.of(), List.of(), 2, null, 1))
        .isInstanceOf(NullPointerException.class);
    Map<String, Set<String>> nullSet = new HashMap<>();
    nullSet.put("a", null);
    assertThatThrownBy(() -> new MatchRequest(List.of(), List.of(), 2, nullSet, 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PastGroup(List.of("a"), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Group(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordsKeepImmutableCopies() {
    List<Member> pool = new ArrayList<>(Pools.uniform(3));
    Set<String> avoided = new HashSet<>(Set.of("m01"));
    Map<String, Set<String>> avoid = new HashMap<>(Map.of("m00", avoided));
    List<String> pastMembers = new ArrayList<>(List.of("m00", "m01"));
    PastGroup past = new PastGroup(pastMembers, Instant.EPOCH);
    MatchRequest request = new MatchRequest(pool, new ArrayList<>(List.of(past)), 2, avoid, 1);

    pool.clear();
    avoided.add("m02");
    avoid.clear();
    pastMembers.clear();

    assertThat(request.pool()).hasSize(3);
    assertThat(request.doNotPair()).containsOnlyKeys("m00");
    assertThat(request.doNotPair().get("m00")).containsExactly("m01");
    assertThat(past.members()).containsExactly("m00", "m01");
    assertThatThrownBy(() -> request.pool().add(Pools.member("x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> request.doNotPair().get("m00").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void poolsOfZeroOrOneGiveNoGroups() {
    assertThat(new OptimalMatcher().match(request(List.of(), 2))).isEmpty();
    assertThat(new OptimalMatcher().match(request(Pools.uniform(1), 3))).isEmpty();
  }

  @Test
  void historyMayNameMembersWhoHaveLeft() {
    List<PastGroup> history = List.of(new PastGroup(List.of("gone", "m00"), Instant.EPOCH),
        new PastGroup(List.of("gone", "also-gone", "m01", "m01"), Instant.EPOCH));
    assertThat(new OptimalMatcher()
        .match(new MatchRequest(Pools.uniform(2), history, 2, Map.of(), 1)))
        .containsExactly(new Group(List.of("m00", "m01")));
  }

  @Test
  void smallPoolsBecomeOneGroupOfEveryone() {
    assertThat(new OptimalMatcher().match(request(Pools.uniform(2), 3)))
        .containsExactly(new Group(List.of("m00", "m01")));
    assertThat(new OptimalMatcher().match(request(Pools.uniform(5), 4)))
        .singleElement().satisfies(g -> assertThat(g.members()).hasSize(5));
  }

  private static MatchRequest request(List<Member> pool, int size) {
    return new MatchRequest(pool, List.of(), size, Map.of(), 1);
  }
}
