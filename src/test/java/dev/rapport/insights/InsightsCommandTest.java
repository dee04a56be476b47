package dev.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.CoffeeSettingsForm;
import dev.rapport.testkit.DashboardClient;
import dev.rapport.testkit.FakeApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The connection map and {@code /coffee insights} end to end: a program pairing across departments (from Slack
 * profile titles), people saying "We met", the map's cell for engineering × sales hidden while it describes k−1
 * people and shown from k (in the HR export an admin downloads from the dashboard), and the charts an admin asks
 * for arriving as PNG uploads in their own DM.
 */
class InsightsCommandTest extends AppTest {

  /** Programs run in C0MAP0, C0MAP1, ... */
  static final String CHANNEL = "C0MAP";
  static final String ADMIN = "U001";
  static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired
  Insights insights;

  int k;
  /** One pair per program, each an engineer and a salesperson: intro DM, the engineer, button value. */
  List<String[]> crossPairs;

  /**
   * k programs of two people each, an engineer and a salesperson (a pool of two is always paired, so every
   * group crosses departments), departments read from Slack profile titles.
   */
  @BeforeEach
  void engineeringAndSalesPairedAcrossDepartments() {
    k = insights.k();
    slack.workspace(TEAM).user(ADMIN).admin();
    for (int p = 0; p < k; p++) {
      String channel = CHANNEL + p;
      String engineer = "UE0" + p;
      String salesperson = "US0" + p;
      slack.workspace(TEAM).join(channel, engineer, salesperson);
      slack.workspace(TEAM).user(engineer).title("Engineering");
      slack.workspace(TEAM).user(salesperson).title("Sales");
      int saved = slack.calls("views.update").size();
      assertThat(requests.viewSubmission(TEAM, ADMIN, CoffeeSettingsForm.CALLBACK, channel,
          CoffeeSettingsForm.weeklyPairs("TITLE")).status())
          .isEqualTo(200);
      await().atMost(WAIT).until(() -> slack.calls("views.update").size() > saved);
      requests.command(TEAM, ADMIN, channel, "/coffee", "now");
    }
    await().atMost(WAIT).until(() -> slack.api().intros().size() == k);
    crossPairs = new ArrayList<>();
    for (FakeApi.Message intro : slack.api().intros()) {
      List<String> members = slack.api().groupDmMembers(intro.channel());
      String value = intro.blocks().findParents("action_id").stream()
          .filter(b -> b.path("action_id").asText().equals("pairing_met")).findFirst().orElseThrow()
          .path("value").asText();
      crossPairs.add(new String[] {intro.channel(), members.stream().filter(u -> u.startsWith("UE")).findFirst()
          .orElseThrow(), value});
    }
  }

  @Test
  void aCellOfKMinusOnePeopleIsHiddenAndOfKIsShownInTheMapAndItsExport() {
    for (String[] pair : crossPairs.subList(0, k - 1)) {
      requests.blockAction(TEAM, pair[1], pair[0], "pairing_met", pair[2]);
    }
    await().atMost(WAIT).until(() -> slack.responded().size() >= k - 1);
    DashboardClient admin = new DashboardClient(baseUrl(), slack);
    admin.signIn(TEAM, ADMIN, "Ada");

    String hidden = admin.get("/dashboard/export/map.csv").body();
    assertThat(hidden).contains(",engineering,sales,fewer than " + k + ",").doesNotContain(",engineering,sales,"
        + (k - 1) + ",");
    assertThat(admin.get("/dashboard/map").body()).contains("fewer than " + k);

    requests.blockAction(TEAM, crossPairs.get(k - 1)[1], crossPairs.get(k - 1)[0], "pairing_met",
        crossPairs.get(k - 1)[2]);
    await().atMost(WAIT).until(() -> slack.responded().size() >= k);

    String shown = admin.get("/dashboard/export/map.csv").body();
    assertThat(shown).contains(",engineering,sales," + k + ",").contains(",sales,engineering," + k + ",");
    assertThat(shown.lines().skip(1)).allMatch(line -> line.startsWith(insights.currentQuarter().toString()));
    assertThat(shown).doesNotContain("UE0").doesNotContain("US0");
  }

  @Test
  void insightsUploadsTheMapAndTheHealthChartToTheAdminsDmAndIsRefusedToOthers() {
    String refused = requests.command(TEAM, "UE00", CHANNEL + 0, "/coffee", "insights").text();
    assertThat(refused).contains("admin");

    String ack = requests.command(TEAM, ADMIN, CHANNEL + 0, "/coffee", "insights").text();
    assertThat(ack).contains("charts will arrive in your DM");

    await().atMost(WAIT).until(() -> slack.api().files().size() == k + 1);
    String dm = slack.api().groupDmOf(List.of(ADMIN));
    assertThat(slack.api().files()).allSatisfy(f -> {
      assertThat(f.channel()).isEqualTo(dm);
      assertThat(f.bytes()).startsWith(0x89, 'P', 'N', 'G');
    });
    assertThat(slack.api().files()).extracting(FakeApi.File::filename)
        .contains("connection-map-" + insights.currentQuarter() + ".png", "coffee-health-channel-c0map0.png");
    await().atMost(WAIT).until(() -> slack.responded().stream().anyMatch(r -> r.text().contains("on the way")));
    assertThat(slack.calls("files.completeUploadExternal")).extracting(c -> c.param("initial_comment"))
        .anyMatch(c -> c != null && c.contains("lasting ties: fewer than " + k + " people"))
        .anyMatch(c -> c != null && c.contains("Blank cells describe fewer than " + k + " people"));
  }
}
