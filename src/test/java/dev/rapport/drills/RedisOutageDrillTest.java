package dev.rapport.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.RecordingJob;
import dev.rapport.testkit.SlackRequests;
import dev.rapport.testkit.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisPooled;

/**
 * Fault drill: Redis stops while intros are being delivered, and stays away until the outbox's leases on
 * whatever was in flight have run out and a scheduled occurrence has fallen due. Commands answer "try again
 * shortly", readiness goes DOWN and back UP, and afterwards the outbox and the scheduler resume: every intro
 * queued before the outage arrives exactly once and the occurrence due during it runs once.
 */
@DirtiesContext
class RedisOutageDrillTest extends AppTest {

  static final String CHANNEL = "C0OUTAGE";
  static final Duration LEASE = Duration.ofSeconds(5);
  private static TestRedis durable;

  @DynamicPropertySource
  static void durableRedis(DynamicPropertyRegistry registry) {
    durable = TestRedis.startNew(true);
    registry.add("rapport.redis.url", durable::url);
    registry.add("rapport.outbox.lease", LEASE::toString);
    // Intros go out one every 2 s, so the outage lands in the middle of the round's deliveries.
    registry.add("rapport.outbox.per-minute.conversations.open", () -> "30");
  }

  @AfterAll
  static void stopRedis() {
    durable.stop();
  }

  @Autowired
  Schedules schedules;
  @Autowired
  Outbox outbox;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRedisOutageLosesNothingAndCommandsSayTryAgainShortly() throws Exception {
    slack.workspace(TEAM).channel(CHANNEL, "U", 20);
    slack.workspace(TEAM).user("U001").admin();
    coffee("start every week on mon at 10:00 tz UTC");
    coffee("now");
    await().atMost(Duration.ofSeconds(30)).until(() -> slack.api().intros().size() >= 3);

    Instant due = Instant.now().plusSeconds(2);
    schedules.once(TEAM, RecordingJob.KIND, "during-the-outage", due, Map.of());
    durable.stop();
    Instant leasesOut = Instant.now().plus(LEASE).plusSeconds(1);
    List<SlackRequests.Answer> during = new ArrayList<>();
    List<Integer> readiness = new ArrayList<>();
    // Away until the leases of deliveries in flight ran out and the occurrence fell due; a command a second.
    await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(60)).until(() -> {
          during.add(coffee("status"));
          during.add(requests.command(TEAM, "U002", CHANNEL, "/empathy", "listening"));
          readiness.add(readiness());
          return Instant.now().isAfter(leasesOut) && Instant.now().isAfter(due);
        });
    assertThat(coffee("help").text()).as("help needs no storage").contains("*/coffee*");
    durable.start();

    assertThat(during).hasSizeGreaterThanOrEqualTo(2 * 6).allSatisfy(answer -> {
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.text()).contains("try again shortly");
    });
    assertThat(readiness).containsOnly(503);
    await().atMost(Duration.ofSeconds(15)).until(() -> readiness() == 200);
    assertThat(coffee("status").text()).contains("<#" + CHANNEL + ">");

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> new HashSet<>(keys(slack.api().intros())).size() == 10);
    // Nothing queued or in flight any more, so nothing else can arrive: each intro came once.
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.stats(TEAM).pending() == 0);
    assertThat(keys(slack.api().intros())).hasSize(10).doesNotHaveDuplicates();
    await().atMost(Duration.ofSeconds(15)).until(() ->
        schedules.nextDue(TEAM, RecordingJob.KIND, "during-the-outage").isEmpty());
    try (JedisPooled redis = durable.client()) {
      assertThat(RecordingJob.ran(redis)).as("the occurrence due during the outage ran once, afterwards")
          .singleElement().asString().contains("during-the-outage");
    }
  }

  private SlackRequests.Answer coffee(String text) {
    return requests.command(TEAM, "U001", CHANNEL, "/coffee", text);
  }


  private static List<String> keys(List<FakeApi.Message> messages) {
    return messages.stream().map(m -> m.payload().path("rapport_id").asText()).toList();
  }

  private int readiness() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
