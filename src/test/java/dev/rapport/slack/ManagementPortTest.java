package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Health details and metrics are served on the management port (management.server.port,
 * MANAGEMENT_SERVER_PORT), and the Slack port serves none of them; Slack's paths are not on the
 * management port.
 */
class ManagementPortTest extends AppTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthAndMetricsAreOnTheManagementPortOnly() throws Exception {
    assertThat(managementPort).isNotEqualTo(port);

    HttpResponse<String> health = get(managementUrl() + "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"redis\":{\"status\":\"UP\"");
    assertThat(get(managementUrl() + "/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(get(managementUrl() + "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");

    for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness",
        "/actuator/health/liveness", "/actuator/prometheus", "/actuator/info")) {
      HttpResponse<String> onSlackPort = get(baseUrl() + path);
      assertThat(onSlackPort.statusCode()).as(path).isEqualTo(404);
      assertThat(onSlackPort.body()).as(path).doesNotContain("redis").doesNotContain("jvm_");
    }
  }

  @Test
  void slackIsNotServedOnTheManagementPort() throws Exception {
    assertThat(requests.command(TEAM, "U001", "C001", "/coffee", "help").status()).isEqualTo(200);

    var post = HttpRequest.newBuilder(URI.create(managementUrl() + "/slack/events"))
        .POST(HttpRequest.BodyPublishers.ofString("command=%2Fcoffee&text=help")).build();
    assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
