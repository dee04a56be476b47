package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The jar on a fresh machine: no Slack credentials and no Redis. It starts an embedded Redis that keeps
 * its data in the data directory, reports healthy, says in one line how to connect it, and answers
 * /slack/events with that advice rather than an error page.
 */
class ZeroSetupIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void withNoCredentialsAndNoRedisTheJarStartsHealthyAndSaysHowToConnect() throws Exception {
    Path data = Files.createTempDirectory("rapport-data");
    Map<String, String> env = Map.of("RAPPORT_DATA_DIR", data.toString(), "SLACK_BOT_TOKEN", "",
        "SLACK_SIGNING_SECRET", "", "SLACK_APP_TOKEN", "", "REDIS_URL", "");
    try (JarProcess app = JarProcess.start(env)) {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create(app.managementUrl() + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> healthOnTheSlackPort = http.send(HttpRequest.newBuilder(
          URI.create(app.baseUrl() + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/slack/events"))
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"redis\":{\"status\":\"UP\"");
      assertThat(healthOnTheSlackPort.statusCode()).as("health lives on the management port only").isEqualTo(404);
      assertThat(events.statusCode()).isEqualTo(503);
      assertThat(events.body()).contains("not_connected").contains("SLACK_BOT_TOKEN");
      String log = app.log();
      assertThat(log).contains("started an embedded Redis").contains(data.toString());
      assertThat(log).as("the pulse secret is generated next to the data, and the log says where")
          .contains("RAPPORT_PULSE_SECRET set, so one was generated into " + data.resolve("pulse-secret"));
      assertThat(log.lines().filter(l -> l.contains("not connected to Slack")).count()).isEqualTo(1);
      assertThat(log).doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(data.resolve("appendonly.aof")).as("the append-only file keeps data across restarts").exists();
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(data.resolve("pulse-secret")))).isEqualTo("rw-------");
  }
}
