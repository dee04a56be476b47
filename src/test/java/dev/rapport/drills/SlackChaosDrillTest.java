package dev.rapport.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fault drill: for a minute Slack answers 500 or 429 to 30% of all calls while a coffee round and a pulse
 * period are being delivered. Every intro and every invitation still arrives, exactly once.
 */
@DirtiesContext
class SlackChaosDrillTest extends AppTest {

  static final String COFFEE = "C0CHAOS";
  static final String TEAM_CHANNEL = "C0PULSECHAOS";

  @DynamicPropertySource
  static void production(DynamicPropertyRegistry registry) {
    registry.add("rapport.outbox.max-attempts", () -> "8");
    registry.add("rapport.outbox.base-backoff", () -> "200ms");
    registry.add("rapport.schedule.retry-delay", () -> "2s");
  }

  @Autowired
  Schedules schedules;
  @Autowired
  Outbox outbox;

  @Test
  void thirtyPercentOfSlackCallsFailingForAMinuteLosesAndDuplicatesNothing() {
    slack.workspace(TEAM).channel(COFFEE, "U", 40);
    slack.workspace(TEAM).channel(TEAM_CHANNEL, "UP", 12);
    slack.workspace(TEAM).user("U001").admin();
    slack.workspace(TEAM).join(TEAM_CHANNEL, "U001");
    assertThat(requests.command(TEAM, "U001", COFFEE, "/coffee", "start every week on mon at 10:00 tz UTC").text())
        .contains("Coffee pairing is on");
    assertThat(requests.commandAnsweredLater(TEAM, "U001", TEAM_CHANNEL, "/pulse", "start every day at 09:00 tz UTC"))
        .contains("Pulse started");
    Instant periodOpens = schedules.nextDue(TEAM, "pulse", TEAM_CHANNEL).orElseThrow();

    slack.chaos(0.30, Instant.now().plus(Duration.ofMinutes(1)), 7);
    clock.advance(Duration.between(clock.instant(), periodOpens).plusSeconds(1));
    requests.command(TEAM, "U001", COFFEE, "/coffee", "now");

    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
        slack.api().intros().size() >= 20 && invitations().size() >= 13
            && outbox.stats(TEAM).pending() == 0);
    assertThat(slack.calls().stream().filter(c -> c.method().equals("chat.postMessage")).count())
        .as("Slack really was failing").isGreaterThan(33);
    assertThat(perKey(slack.api().intros())).hasSize(20).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
    assertThat(perKey(invitations())).hasSize(13).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
    assertThat(outbox.stats(TEAM).deadLettered()).isZero();
  }


  private List<FakeApi.Message> invitations() {
    return slack.api().messages().stream().filter(m -> m.payload() != null
        && m.payload().path("rapport_id").asText().startsWith("pulse:invite:")).toList();
  }

  private static Map<String, Integer> perKey(List<FakeApi.Message> messages) {
    Map<String, Integer> counts = new HashMap<>();
    messages.forEach(m -> counts.merge(m.payload().path("rapport_id").asText(), 1, Integer::sum));
    return counts;
  }
}
