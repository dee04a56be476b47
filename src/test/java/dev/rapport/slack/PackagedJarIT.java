package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.JarProcess;
import dev.rapport.testkit.SlackRequests;
import dev.rapport.testkit.TestRedis;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped jar, pointed at a Slack-compatible server with SLACK_API_URL, answers every help. */
class PackagedJarIT {

  @Test
  void theJarAnswersHelpForAllThreeCommands() throws Exception {
    TestRedis redis = TestRedis.startNew();
    try (FakeSlack slack = FakeSlack.start();
         JarProcess app = JarProcess.start(Map.of(
             "SLACK_API_URL", slack.apiUrl(),
             "SLACK_BOT_TOKEN", FakeSlack.tokenFor("T0JAR"),
             "SLACK_SIGNING_SECRET", "jar-secret",
             "REDIS_URL", redis.url(),
             "RAPPORT_ADMINS", "U0LISTED,U0OTHER"))) {
      SlackRequests requests = new SlackRequests(app.baseUrl(), "jar-secret", slack);

      for (String command : new String[] {"/coffee", "/empathy", "/pulse"}) {
        SlackRequests.Answer answer = requests.command("T0JAR", "U001", "C001", command, "help");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).as(command).contains("*" + command + "*").contains(command + " help");
      }
      assertThat(slack.calls("auth.test")).as("auth.test goes to SLACK_API_URL, once, then cached").hasSize(1);
      slack.workspace("T0JAR").channel("C001", "U", 3);
      slack.workspace("T0JAR").user("U0LISTED");
      assertThat(requests.command("T0JAR", "U0LISTED", "C001", "/coffee", "start every day at 09:00 tz UTC").text())
          .as("RAPPORT_ADMINS lists them").contains("Coffee pairing is on");
      assertThat(requests.command("T0JAR", "U002", "C001", "/coffee", "stop").text()).contains("Only Rapport admins");
      assertThat(app.log()).doesNotContain("jar-secret").doesNotContain(FakeSlack.tokenFor("T0JAR"));
    } finally {
      redis.stop();
    }
  }
}
