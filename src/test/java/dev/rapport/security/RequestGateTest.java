package dev.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the request gate answers, one rule at a time (the attack suite sends everything everywhere). */
class RequestGateTest extends AppTest {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void slackEventsAnswersEveryMethodButPostWith405NamingPost() {
    SlackRequests.Body body = requests.commandBody(TEAM, "U001", "C001", "/coffee", "help");
    Map<String, String> signed = requests.signed(String.valueOf(clock.instant().getEpochSecond()), body.text());

    for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
      SlackRequests.Answer answer = requests.send(method, "/slack/events", body, signed);
      assertThat(answer.status()).as(method).isEqualTo(405);
      assertThat(answer.header("Allow")).as(method).isEqualTo("POST");
    }
    assertThat(requests.send("POST", "/slack/events", body, signed).text()).as("the same request, POSTed")
        .contains("*/coffee*");
  }

  @Test
  void aReplayedSlashCommandIsRefusedAndHandledOnce() {
    slack.workspace(TEAM).user("U001").admin();
    SlackRequests.Body body = requests.commandBody(TEAM, "U002", "C001", "/empathy",
        "suggest listening What did you learn from someone this week?");
    Map<String, String> signed = requests.signed(String.valueOf(clock.instant().getEpochSecond()), body.text());

    assertThat(requests.send("POST", "/slack/events", body, signed).text()).contains("Thank you");
    SlackRequests.Answer replay = requests.send("POST", "/slack/events", body, signed);

    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.body()).contains("already handled");
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("chat.postMessage").isEmpty());
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
      assertThat(jedis.keys("rapport:{" + TEAM + "}:prompts:suggestion:*")).hasSize(1);
      assertThat(slack.calls("chat.postMessage")).hasSize(1);
    });
    assertThat(jedis.get("rapport:{" + TEAM + "}:prompts:suggest:today:U002")).isEqualTo("1");
  }

  @Test
  void anEventIsJudgedByItsIdInOneCheckTheSameBytesRefusedSlacksRetryAcknowledged() {
    String eventId = SlackRequests.newEventId();
    SlackRequests.Body body = requests.eventBody(TEAM, eventId, "AppHomeOpenedPayload", Map.of("type",
        "app_home_opened", "user", "U001", "tab", "home", "channel", "D001", "event_ts", "1700000000.000100"));
    long now = clock.instant().getEpochSecond();
    Map<String, String> delivered = requests.signed(String.valueOf(now), body.text());
    Map<String, String> retried = new java.util.HashMap<>(requests.signed(String.valueOf(now + 1), body.text()));
    retried.put("X-Slack-Retry-Num", "1");
    retried.put("X-Slack-Retry-Reason", "http_timeout");

    assertThat(requests.send("POST", "/slack/events", body, delivered).status()).isEqualTo(200);
    assertThat(requests.send("POST", "/slack/events", body, delivered).status()).as("the same bytes again")
        .isEqualTo(409);
    assertThat(requests.send("POST", "/slack/events", body, retried).status()).as("Slack's retry, signed anew")
        .isEqualTo(200);

    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.publish").isEmpty());
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> slack.calls("views.publish").size() == 1);
    String digest = delivered.get("X-Slack-Signature").substring(3, 35);
    assertThat(jedis.get("rapport:{" + TEAM + "}:events:seen:" + eventId)).as("one key says both")
        .startsWith(digest + ":");
    assertThat(jedis.exists("rapport:{requests}:seen:" + digest)).as("no second write for the replay check")
        .isFalse();
  }

  @Test
  void bodiesOverOneMebibyteWithoutALengthAreRefusedBeforeTheyAreRead() throws Exception {
    byte[] big = ("payload=" + "x".repeat(1024 * 1024)).getBytes();
    HttpRequest chunked = HttpRequest.newBuilder(URI.create(baseUrl() + "/slack/events"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

    HttpResponse<String> answer = http.send(chunked, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.request().headers().firstValue("Content-Length")).as("sent chunked").isEmpty();
  }

  @Test
  void bodiesOverOneMebibyteAreRefusedOnEveryPath() throws Exception {
    for (String path : new String[] {"/actuator/health", "/slack/events", "/anything"}) {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
          .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024 * 1024 + 1))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isEqualTo(413);
    }
  }

  @Test
  void otherPathsUnderSlackDontExistWhateverTheirCase() {
    SlackRequests.Body body = requests.commandBody(TEAM, "U001", "C001", "/coffee", "help");
    Map<String, String> signed = requests.signed(String.valueOf(clock.instant().getEpochSecond()), body.text());

    for (String path : new String[] {"/slack/events/", "/SLACK/EVENTS", "/slack/install", "/slack/oauth_redirect",
        "/slack"}) {
      for (String method : new String[] {"GET", "POST", "OPTIONS"}) {
        assertThat(requests.send(method, path, body, signed).status()).as(method + " " + path).isEqualTo(404);
      }
    }
  }
}
