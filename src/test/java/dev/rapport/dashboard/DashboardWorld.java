package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.CoffeeSettingsForm;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;

/**
 * One workspace with every role, made through Slack as people would: U001 (an admin) runs a weekly coffee
 * program of six in #coffee (three engineers, three salespeople, departments from their titles) with one round
 * formed, and a pulse in two teams; U002 manages team A's pulse; U003
 * is a member of the program and nothing else.
 */
final class DashboardWorld {

  private DashboardWorld() {}

  static void build(FakeSlack slack, SlackRequests requests, String team) {
    slack.workspace(team).channel(DashboardAccessTest.COFFEE, "U", 6);
    slack.workspace(team).user(DashboardAccessTest.ADMIN).admin();
    slack.workspace(team).channel(DashboardAccessTest.TEAM_A, "U", 5);
    slack.workspace(team).join(DashboardAccessTest.TEAM_B, "U001", "U004", "U005", "U006", "U007", "U008");
    String admin = DashboardAccessTest.ADMIN;
    for (int i = 1; i <= 6; i++) {
      slack.workspace(team).user("U00" + i).title(i <= 3 ? "Engineering" : "Sales");
    }
    int saved = slack.calls("views.update").size();
    assertThat(requests.viewSubmission(team, admin, CoffeeSettingsForm.CALLBACK, DashboardAccessTest.COFFEE,
        CoffeeSettingsForm.weeklyPairs("TITLE")).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).until(() -> slack.calls("views.update").size() > saved);
    requests.command(team, admin, DashboardAccessTest.COFFEE, "/coffee", "now");
    await().atMost(Duration.ofSeconds(15)).until(() -> slack.api().intros().size() == 3);
    for (String channel : new String[] {DashboardAccessTest.TEAM_A, DashboardAccessTest.TEAM_B}) {
      assertThat(requests.commandAnsweredLater(team, admin, channel, "/pulse", "start every week on mon at 10:00 "
          + "tz UTC")).contains("Pulse started");
    }
    assertThat(requests.command(team, admin, DashboardAccessTest.TEAM_A, "/pulse", "managers add <@"
        + DashboardAccessTest.MANAGER + ">").status()).isEqualTo(200);
  }
}
