package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeSocketMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With SLACK_APP_TOKEN set, the same app answers over Socket Mode (no public URL needed). */
@DirtiesContext
class SocketModeTest extends AppTest {

  private static FakeSocketMode socketMode;

  @DynamicPropertySource
  static void appToken(DynamicPropertyRegistry registry) throws InterruptedException {
    socketMode = FakeSocketMode.startOn(slack);
    registry.add("rapport.slack.app-token", () -> "xapp-1-A111-fake");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    socketMode.stop(1000);
  }

  @Test
  void slashCommandsAreAnsweredOverSocketMode() throws Exception {
    assertThat(socketMode.awaitConnection(20)).as("the app connected").isTrue();

    JsonNode ack = socketMode.slashCommand(TEAM, "U001", "C001", "/empathy", "help");

    assertThat(ack.path("text").asText()).contains("*/empathy*");
    assertThat(ack.path("response_type").asText()).isEqualTo("ephemeral");
  }
}
