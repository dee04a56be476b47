package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoundationTest extends AppTest {

  @Test
  void coffeeHelpAnswersWithTheUsage() {
    SlackRequests.Answer answer = requests.command(TEAM, "U001", "C001", "/coffee", "help");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.text()).contains("*/coffee*").contains("/coffee help");
  }

  @Test
  void everyCommandAnswersHelpAndEmptyText() {
    for (String command : new String[] {"/coffee", "/empathy", "/pulse"}) {
      assertThat(requests.command(TEAM, "U001", "C001", command, "help").text())
          .as(command + " help").contains("*" + command + "*");
    }
  }

  @Test
  void unknownSubcommandNamesTheWordAndShowsTheUsage() {
    SlackRequests.Answer answer = requests.command(TEAM, "U001", "C001", "/pulse", "frobnicate now");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).contains("`/pulse frobnicate`").contains("*/pulse*");
  }

  @Test
  void badSignatureIsRefusedWith401() {
    String body = "command=%2Fcoffee&text=help&team_id=" + TEAM + "&user_id=U1&channel_id=C1";
    long now = SlackRequests.now();

    assertThat(requests.postRaw("application/x-www-form-urlencoded", body, String.valueOf(now),
        "v0=" + "0".repeat(64)).status()).isEqualTo(401);
    assertThat(requests.postRaw("application/x-www-form-urlencoded", body, null, null).status())
        .isEqualTo(401);
  }

  @Test
  void timestampsMoreThanFiveMinutesAwayAreRefusedWith401() {
    String body = "command=%2Fcoffee&text=help&team_id=" + TEAM + "&user_id=U1&channel_id=C1";
    long now = SlackRequests.now();

    // 302, not 301: the app's second may already be the next one when it checks (a flake seen in verify).
    assertThat(requests.post("application/x-www-form-urlencoded", body, now - 302).status()).isEqualTo(401);
    assertThat(requests.post("application/x-www-form-urlencoded", body, now + 302).status()).isEqualTo(401);
    assertThat(requests.post("application/x-www-form-urlencoded", body, now - 200).status()).isEqualTo(200);
  }

  @Test
  void bodiesOverOneMebibyteAreRefusedWith413() {
    String body = "text=" + "a".repeat(1024 * 1024);

    assertThat(requests.post("application/x-www-form-urlencoded", body, SlackRequests.now()).status())
        .isEqualTo(413);
  }

  @Test
  void aRetriedEventIsHandledOnce() {
    String eventId = SlackRequests.newEventId();
    Map<String, Object> event = Map.of("type", "app_home_opened", "user", "U001", "tab", "home",
        "channel", "D001", "event_ts", "1700000000.000100");

    assertThat(requests.event(TEAM, eventId, "AppHomeOpenedPayload", event).status()).isEqualTo(200);
    assertThat(requests.event(TEAM, eventId, "AppHomeOpenedPayload", event).status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.publish").isEmpty());
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
        .until(() -> slack.calls("views.publish").size() == 1);
  }

  @Test
  void openingTheHomeTabPublishesTheWelcome() {
    requests.event(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload",
        Map.of("type", "app_home_opened", "user", "U002", "tab", "home", "channel", "D002",
            "event_ts", "1700000000.000200"));

    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.publish").isEmpty());
    var publish = slack.calls("views.publish").get(0);
    assertThat(publish.param("user_id")).isEqualTo("U002");
    assertThat(publish.json("view").path("type").asText()).isEqualTo("home");
    assertThat(publish.json("view").toString()).contains("Welcome to Rapport");
  }

  @Test
  void prometheusCountsCommandsEventsAndSlackErrorsByMethod() throws Exception {
    slack.on("views.publish", call -> dev.rapport.testkit.FakeApi.error("not_enabled"));
    requests.command(TEAM, "U001", "C001", "/coffee", "help");
    requests.event(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload",
        Map.of("type", "app_home_opened", "user", "U003", "tab", "home", "channel", "D003",
            "event_ts", "1700000000.000300"));
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.publish").isEmpty());

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(prometheus())
        .contains("rapport_slack_commands_total{application=\"rapport\",command=\"/coffee\",subcommand=\"help\"}")
        .contains("rapport_slack_events_total{application=\"rapport\",outcome=\"handled\",type=\"app_home_opened\"}")
        .contains("rapport_slack_api_errors_total{application=\"rapport\",error=\"not_enabled\","
            + "method=\"views.publish\"}"));
  }

  private String prometheus() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(managementUrl() + "/actuator/prometheus"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void malformedBodiesGet400NotAServerError() {
    long now = SlackRequests.now();

    assertThat(requests.post("application/json", "{not json", now).status()).isEqualTo(400);
    assertThat(requests.post("application/x-www-form-urlencoded", "payload=%7Bbroken", now).status())
        .isBetween(400, 499);
  }
}
