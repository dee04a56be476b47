package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The invitation DM of a period says "closed" once the period closes: every invitation is updated alike,
 * whoever answered, so the updates say nothing about who did.
 */
class PulseInvitationTest extends PulseAppTest {

  @AfterEach
  void noSlowSlack() {
    slack.releaseDelays();
  }

  @Test
  void everyInvitationSaysClosedOnceItsPeriodClosesTheSameForThoseWhoAnsweredAndThoseWhoDidNot()
      throws Exception {
    team(6);
    start();
    String period = nextPeriod();
    List<FakeApi.Message> invitations = awaitDms(6);
    drainOutbox();
    answer("U002", period, 4, 4, 4, 4, null);
    answer("U003", period, 2, 2, 2, 2, "a comment");

    close();

    List<FakeSlack.Call> updates = awaitUpdates(6);
    assertThat(updates.stream().map(c -> c.param("channel") + "@" + c.param("ts")).collect(Collectors.toSet()))
        .as("each invitation, where it landed").isEqualTo(whereLanded(invitations));
    assertThat(updates.stream().map(c -> c.param("text") + c.param("blocks")).distinct())
        .as("one and the same update for everyone").hasSize(1);
    FakeSlack.Call update = updates.get(0);
    assertThat(update.param("text")).contains("closed").contains("<#" + CHANNEL + ">");
    assertThat(update.json("blocks").toString()).contains("closed").doesNotContain("\"actions\"")
        .doesNotContain(AnswerModal.OPEN_ACTION);
  }

  @Test
  void anInvitationThatLandsOnlyAfterItsPeriodClosedIsUpdatedToo() throws Exception {
    team(6);
    start();
    // Slack takes its time with the invitations: the period closes before the app learns where they landed.
    slack.delay("chat.postMessage", 1500);
    nextPeriod();
    close();
    slack.releaseDelays();

    List<FakeApi.Message> invitations = awaitDms(6);

    List<FakeSlack.Call> updates = awaitUpdates(6);
    assertThat(updates.stream().map(c -> c.param("channel") + "@" + c.param("ts")).collect(Collectors.toSet()))
        .isEqualTo(whereLanded(invitations));
    assertThat(updates).allSatisfy(c -> assertThat(c.param("text")).contains("closed"));
  }

  private static Set<String> whereLanded(List<FakeApi.Message> messages) {
    return messages.stream().map(m -> m.channel() + "@" + m.ts()).collect(Collectors.toSet());
  }

  private List<FakeSlack.Call> awaitUpdates(int count) {
    await().atMost(Duration.ofSeconds(15)).until(() -> slack.calls("chat.update").size() >= count);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
        .until(() -> slack.calls("chat.update").size() == count);
    return slack.calls("chat.update");
  }
}
