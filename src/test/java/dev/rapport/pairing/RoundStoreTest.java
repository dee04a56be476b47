package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Keys;
import dev.rapport.testkit.AppTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RoundStoreTest extends AppTest {

  private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

  @Autowired
  RoundStore rounds;

  private final String key = Keys.team(TEAM, "pairing", "C1", "round", "r1");

  private void threeGroups() {
    rounds.create(TEAM, new Round("C1", "r1", AT, 7, List.of(List.of("U1", "U2"), List.of("U3", "U4"),
        List.of("U5", "U6", "U7")), List.of(), 3, 0, 0, AT.plusSeconds(7 * 86400)));
  }

  @Test
  void aMembersGroupIsReadWithoutReadingTheWholeRound() {
    threeGroups();
    // If the whole round were read, this would fail to parse.
    jedis.hset(key, "groups", "not json");

    assertThat(rounds.group(TEAM, "C1", "r1", 2)).hasValueSatisfying(g -> {
      assertThat(g.members()).containsExactly("U5", "U6", "U7");
      assertThat(g.at()).isEqualTo(AT);
    });
    assertThat(rounds.group(TEAM, "C1", "r2", 0)).isEmpty();
  }

  @Test
  void roundsStoredBeforeGroupFieldsAreReadWhole() {
    threeGroups();
    jedis.hdel(key, "g:0", "g:1", "g:2");

    assertThat(rounds.group(TEAM, "C1", "r1", 1)).map(RoundGroup::members).hasValue(List.of("U3", "U4"));
    assertThat(rounds.group(TEAM, "C1", "r1", 3)).isEmpty();
  }

  @Test
  void rewritingARoundRewritesItsGroupsToo() {
    threeGroups();

    rounds.rewrite(TEAM, "C1", "r1", List.of(List.of("U1", "U2"), List.of(Round.FORGOTTEN, "U4"),
        List.of("U5", "U6", "U7")), List.of());

    assertThat(rounds.group(TEAM, "C1", "r1", 1)).map(RoundGroup::members)
        .hasValue(List.of(Round.FORGOTTEN, "U4"));
    assertThat(jedis.hgetAll(key).values()).noneMatch(v -> v.contains("U3"));
  }
}
