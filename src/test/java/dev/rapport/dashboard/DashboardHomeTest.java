package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins' App Home has a way to the dashboard (here: what is missing, since no public URL is set); others' not. */
class DashboardHomeTest extends AppTest {

  @Test
  void adminsHomeMentionsTheDashboardAndMembersHomeDoesNot() {
    slack.workspace(TEAM).user("U001").admin();
    slack.workspace(TEAM).user("U002");

    assertThat(home("U001")).contains("Insights dashboard").contains("Sign in with Slack")
        .contains("/coffee insights");
    assertThat(home("U002")).doesNotContain("Insights dashboard");
  }

  @Test
  void theOpenTheDashboardLinkButtonsClickIsAcknowledged() {
    slack.workspace(TEAM).user("U001").admin();

    SlackRequests.Answer click = requests.blockAction(TEAM, "U001", "DU001", DashboardHome.OPEN, "");

    assertThat(click.status()).as("an unacknowledged link click shows the admin a warning in Slack")
        .isEqualTo(200);
  }

  private String home(String user) {
    int before = slack.calls("views.publish").size();
    requests.event(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload", Map.of("type", "app_home_opened",
        "user", user, "tab", "home", "channel", "D" + user, "event_ts", "1700000000.000100"));
    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.publish").size() > before);
    return slack.calls("views.publish").get(before).json("view").toString();
  }
}
