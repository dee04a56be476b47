package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.store.Keys;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import dev.rapport.testkit.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import redis.clients.jedis.UnifiedJedis;

/** Redis stops and starts again under the app: a server of its own, so the JVM's shared one stays up. */
@DirtiesContext
class RedisOutageTest extends AppTest {

  private static TestRedis own;

  @DynamicPropertySource
  static void ownRedis(DynamicPropertyRegistry registry) {
    own = TestRedis.startNew();
    registry.add("rapport.redis.url", own::url);
  }

  @AfterAll
  static void stopOwnRedis() {
    own.stop();
  }

  /** A subcommand that needs Redis, standing in for any feature's. */
  @TestConfiguration(proxyBeanMethods = false)
  static class CountingFeature {
    @Bean
    SlackFeature counter(UnifiedJedis redis) {
      return new SlackFeature() {
        @Override
        public List<Subcommand> subcommands() {
          return List.of(Subcommand.everyone("/pulse", "count", "", "count a visit", call -> Reply.text(
              "visit " + redis.incr(Keys.team(call.caller().team(), "test", "visits")))));
        }
      };
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void redisIsBack() {
    if (readiness() != 200) {
      own.start();
    }
  }

  @Test
  void whileRedisIsAwayHealthIsDownAndCommandsSayTryAgainShortly() {
    assertThat(requests.command(TEAM, "U001", "C001", "/pulse", "count").text()).isEqualTo("visit 1");
    assertThat(readiness()).isEqualTo(200);

    own.stop();

    assertThat(readiness()).isEqualTo(503);
    var answer = requests.command(TEAM, "U001", "C001", "/pulse", "count");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).contains("try again shortly");
    assertThat(requests.command(TEAM, "U001", "C001", "/pulse", "help").text()).contains("*/pulse*");

    own.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> readiness() == 200);
    assertThat(requests.command(TEAM, "U001", "C001", "/pulse", "count").text()).isEqualTo("visit 1");
  }

  @Test
  void anEventThatFailedWhileRedisWasAwayGetsInWhenSlackRetriesTheSameBytes() {
    SlackRequests.Body body = requests.eventBody(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload",
        Map.of("type", "app_home_opened", "user", "U001", "tab", "home", "channel", "D001",
            "event_ts", "1700000000.000100"));
    Map<String, String> signed = requests.signed(String.valueOf(clock.instant().getEpochSecond()), body.text());
    own.stop();

    assertThat(requests.send("POST", "/slack/events", body, signed).status()).as("Slack will retry").isEqualTo(503);

    own.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> readiness() == 200);
    assertThat(requests.send("POST", "/slack/events", body, signed).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.publish").size() == 1);
    assertThat(requests.send("POST", "/slack/events", body, signed).status()).as("handled now").isEqualTo(409);
  }

  @Test
  void whileRedisIsAwayAReplayToTheSameInstanceIsStillRefused() {
    SlackRequests.Body body = requests.commandBody(TEAM, "U001", "C001", "/pulse", "help");
    Map<String, String> signed = requests.signed(String.valueOf(clock.instant().getEpochSecond()), body.text());
    own.stop();

    assertThat(requests.send("POST", "/slack/events", body, signed).text()).contains("*/pulse*");
    assertThat(requests.send("POST", "/slack/events", body, signed).status()).isEqualTo(409);
  }

  private int readiness() {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness")).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
