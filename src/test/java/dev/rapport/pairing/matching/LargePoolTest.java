package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 10,000 members with 50 rounds of history (250k past groups): correct and not pathological. */
class LargePoolTest {

  @Test
  void tenThousandMembersWithFiftyRoundsOfHistoryAreAllPlacedRespectingDoNotPair() {
    List<Member> pool = new Scenario(10_000, 2, 0, 0, 42).pool();
    List<String> ids = Pools.ids(pool);
    Random random = new Random(42);
    List<PastGroup> history = new ArrayList<>();
    Set<String> met = new HashSet<>();
    for (int round = 0; round < 50; round++) {
      List<String> shuffled = new ArrayList<>(ids);
      Collections.shuffle(shuffled, random);
      for (int i = 0; i + 1 < shuffled.size(); i += 2) {
        history.add(new PastGroup(List.of(shuffled.get(i), shuffled.get(i + 1)),
            Simulation.START.plus(Duration.ofDays(7L * round))));
        met.add(Simulation.key(shuffled.get(i), shuffled.get(i + 1)));
      }
    }
    Map<String, Set<String>> avoid = new HashMap<>();
    for (int k = 0; k < 200; k++) {
      avoid.put(ids.get(random.nextInt(ids.size())), Set.of(ids.get(random.nextInt(ids.size()))));
    }
    for (int size = 2; size <= 3; size++) {
      MatchRequest request = new MatchRequest(pool, history, size, avoid, 7);
      List<Group> groups = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> new OptimalMatcher().match(request), "measured well under 1 s; 20 s is generous");

      // Plain collections here: AssertJ's iterable assertions scan linearly, too slow at 10k.
      assertThat(groups.stream().flatMap(g -> g.members().stream()).sorted().toList())
          .isEqualTo(ids.stream().sorted().toList());
      assertThat(Rules.sizesOf(groups)).containsExactly(Rules.expectedSizes(10_000, size));
      for (Group group : groups) {
        Simulation.forEachPair(group, (a, b) -> {
          assertThat(avoid.getOrDefault(a, Set.of()).contains(b)
              || avoid.getOrDefault(b, Set.of()).contains(a)).isFalse();
          assertThat(met.contains(Simulation.key(a, b))).as("nobody needs a repeat here")
              .isFalse();
        });
      }
    }
  }
}
