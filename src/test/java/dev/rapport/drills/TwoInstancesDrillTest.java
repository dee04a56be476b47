package dev.rapport.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.RapportApplication;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.MutableClock;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault drill: two app instances share one Redis and both take commands while 20 channels' prompt
 * schedules fall due at the same moment. Each occurrence runs once: every channel gets one prompt.
 */
class TwoInstancesDrillTest extends AppTest {

  @Autowired
  Schedules schedules;
  @Autowired
  Outbox outbox;

  @Test
  void eachScheduledOccurrenceRunsOnceWithTwoInstancesUnderLoad() throws Exception {
    slack.workspace(TEAM).user("U001").admin();
    // Close enough that requests signed just before the clocks move are still within Slack's 5 minutes.
    Instant due = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MINUTES);
    String at = due.atZone(ZoneOffset.UTC).toLocalTime().toString();
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String channel = String.format("C0TWO%02d", i);
      channels.add(channel);
      slack.workspace(TEAM).join(channel, "U001", "U002");
      assertThat(requests.command(TEAM, "U001", channel, "/empathy", "start every day at " + at + " tz UTC").text())
          .as(channel).doesNotContain("Only Rapport admins").doesNotContain(":warning:");
    }
    assertThat(schedules.nextDue(TEAM, "prompts", channels.get(0))).contains(due);

    try (ConfigurableApplicationContext other = secondInstance()) {
      SlackRequests otherRequests = new SlackRequests("http://127.0.0.1:"
          + other.getEnvironment().getProperty("local.server.port"), SECRET, slack, other.getBean(MutableClock.class));
      ExecutorService load = Executors.newFixedThreadPool(8);
      List<CompletableFuture<SlackRequests.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        SlackRequests target = i % 2 == 0 ? requests : otherRequests;
        answers.add(CompletableFuture.supplyAsync(() -> target.command(TEAM, "U002", "C0TWO00", "/coffee", "status"),
            load));
        if (i == 50) {
          Duration ahead = Duration.between(Instant.now(), due).plusSeconds(1);
          clock.advance(ahead);
          other.getBean(MutableClock.class).advance(ahead);
        }
      }
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
      load.shutdown();

      assertThat(answers).allSatisfy(a -> assertThat(a.join().status()).isEqualTo(200));
      await().atMost(Duration.ofSeconds(30)).until(() -> channels.stream().allMatch(c -> !prompts(c).isEmpty()));
      // Every channel's occurrence is done (its next one is tomorrow's) and nothing is left to send, so no
      // second prompt can still come.
      await().atMost(Duration.ofSeconds(30)).until(() -> channels.stream().allMatch(c ->
          schedules.nextDue(TEAM, "prompts", c).filter(next -> next.isAfter(due)).isPresent())
          && outbox.stats(TEAM).pending() == 0);
      for (String channel : channels) {
        assertThat(prompts(channel)).as(channel).hasSize(1);
      }
    }
  }

  private List<FakeApi.Message> prompts(String channel) {
    return slack.api().messages(channel);
  }

  private ConfigurableApplicationContext secondInstance() {
    // Command-line arguments, so they win over application.yml's ${SLACK_...} defaults.
    return new SpringApplicationBuilder(RapportApplication.class, TestBeans.class).run(
        "--server.port=0", "--management.server.port=0",
        "--rapport.slack.api-url=" + slack.apiUrl(),
        "--rapport.slack.bot-token=" + FakeSlack.tokenFor(TEAM),
        "--rapport.slack.signing-secret=" + SECRET,
        "--rapport.redis.url=" + redisUrl(),
        "--rapport.schedule.poll-interval=100ms",
        "--rapport.outbox.poll-interval=50ms");
  }
}
