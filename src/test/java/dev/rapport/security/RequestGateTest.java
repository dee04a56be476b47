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
