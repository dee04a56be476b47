package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rapport.store.Keys;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Forming a round is crash-safe at every step: the process dies after any step (a hook throws there),
 * the same occurrence runs again, and the result is one correct round whose intros went out once.
 */
class RoundCrashTest extends AppTest {

  static final String CHANNEL = "C0CRASH";
  static final String ADMIN = "U001";

  @Autowired
  RoundRunner runner;
  @Autowired
  RoundStore rounds;

  List<String> members;

  /** Thrown by the hook: the process "dies" here, with whatever it wrote so far. */
  static final class Crash extends RuntimeException {
    Crash(RoundStore.Step step) {
      super("crashed after " + step);
    }
  }

  @BeforeEach
  void aProgramOfNine() {
    members = slack.workspace(TEAM).channel(CHANNEL, "U", 9);
    slack.workspace(TEAM).user(ADMIN).admin();
    assertThat(requests.command(TEAM, ADMIN, CHANNEL, "/coffee", "start every week on mon at 10:00 tz UTC").text())
        .contains("Coffee pairing is on");
  }

  @AfterEach
  void noMoreCrashes() {
    rounds.afterEachStep(null);
    rounds.historyChunk = 500;
  }

  @ParameterizedTest
  @EnumSource(RoundStore.Step.class)
  void aRetryAfterACrashAtAnyStepFormsTheRoundOnceAndSendsEachIntroOnce(RoundStore.Step step) throws Exception {
    Instant at = clock.instant();
    rounds.historyChunk = 2;
    rounds.afterEachStep(passed -> {
      if (passed == step) {
        throw new Crash(step);
      }
    });
    assertThatThrownBy(() -> runner.run(TEAM, CHANNEL, "r1", at)).isInstanceOf(Crash.class);
    Map<String, String> leftByTheCrash = jedis.hgetAll(roundKey());
    rounds.afterEachStep(null);

    Round round = runner.run(TEAM, CHANNEL, "r1", at);

    if (!leftByTheCrash.isEmpty()) {
      assertThat(jedis.hget(roundKey(), "groups")).as("a stored round is not matched again")
          .isEqualTo(leftByTheCrash.get("groups"));
    }
    assertThat(jedis.zrange(Keys.team(TEAM, "pairing", CHANNEL, "rounds"), 0, -1)).containsExactly("r1");
    assertThat(jedis.hget(roundKey(), "recorded")).isEqualTo("1");
    assertThat(round.groups()).extracting(List::size).containsExactlyInAnyOrder(2, 2, 2, 3);
    assertThat(round.groups().stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(members);
    for (int g = 0; g < round.groups().size(); g++) {
      assertThat(jedis.hget(roundKey(), "g:" + g)).isEqualTo(String.join(",", round.groups().get(g)));
      for (String user : round.groups().get(g)) {
        assertThat(jedis.zrange(Keys.team(TEAM, "pairing", "history", user), 0, -1))
            .containsExactly(CHANNEL + "|r1|" + g);
      }
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> introsLanded() == 4);
    List<List<String>> introduced = new ArrayList<>();
    for (FakeApi.Message intro : intros()) {
      introduced.add(slack.api().groupDmMembers(intro.channel()));
    }
    assertThat(introduced).as("each group introduced exactly once")
        .containsExactlyInAnyOrderElementsOf(round.groups());
  }

  @Test
  void halfARoundLeftByTheOldStepwiseWriteIsFormedAgainInsteadOfFailingEveryRetry() throws Exception {
    // What a crash between the old hsetnx and hset left: groups, nothing else.
    jedis.hset(roundKey(), "groups", "[[\"U001\",\"U002\"]]");

    Round round = runner.run(TEAM, CHANNEL, "r1", clock.instant());

    assertThat(round.groups().stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(members);
    assertThat(jedis.hget(roundKey(), "at")).isNotNull();
    await().atMost(Duration.ofSeconds(15)).until(() -> introsLanded() == 4);
  }

  private String roundKey() {
    return Keys.team(TEAM, "pairing", CHANNEL, "round", "r1");
  }

  private List<FakeApi.Message> intros() {
    return slack.api().intros();
  }

  private long introsLanded() {
    String intros = jedis.hget(Keys.team(TEAM, "pairing", CHANNEL, "stats"), "intros");
    return intros == null ? 0 : Long.parseLong(intros);
  }
}
