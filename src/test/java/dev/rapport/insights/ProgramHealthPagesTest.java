package dev.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.DashboardClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Program health end to end, at k: a round of k−1 people shows no rate anywhere (page, CSV), a round of k shows
 * its rates; the HR export holds aggregates only.
 */
class ProgramHealthPagesTest extends AppTest {

  static final String SMALL = "C0SMALL";
  static final String BIG = "C0BIG";
  static final String ADMIN = "UADMIN";

  @Autowired
  Insights insights;

  @Test
  void aRoundOfKMinusOnePeopleShowsNoRateAndOfKShowsThem() {
    int k = insights.k();
    slack.workspace(TEAM).user(ADMIN).admin();
    List<String> small = slack.workspace(TEAM).channel(SMALL, "S", k - 1);
    List<String> big = slack.workspace(TEAM).channel(BIG, "B", k);
    for (String channel : List.of(SMALL, BIG)) {
      assertThat(requests.command(TEAM, ADMIN, channel, "/coffee", "start every week on mon at 10:00 tz UTC size 2")
          .text()).contains("First round");
      requests.command(TEAM, ADMIN, channel, "/coffee", "now");
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> slack.api().intros().size() == (k - 1) / 2 + k / 2);
    await().atMost(Duration.ofSeconds(20)).until(() -> insights.health(TEAM, BIG).orElseThrow().rounds().get(0)
        .meeting().shown());

    DashboardClient admin = new DashboardClient(baseUrl(), slack);
    admin.signIn(TEAM, ADMIN, "Ada");
    List<String> rows = admin.get("/dashboard/export/health.csv").body().lines().toList();

    String smallRow = rows.stream().filter(r -> r.startsWith("#channel-c0small,")).findFirst().orElseThrow();
    String bigRow = rows.stream().filter(r -> r.startsWith("#channel-c0big,")).findFirst().orElseThrow();
    assertThat(smallRow.split(",", -1)[2]).as("meeting rate of k-1 people").isEmpty();
    assertThat(smallRow.split(",", -1)[3]).as("people who met").isEmpty();
    assertThat(smallRow).endsWith("partly (fewer than k people)");
    assertThat(bigRow.split(",", -1)[2]).as("meeting rate of k people").isEqualTo("0.00");
    assertThat(bigRow.split(",", -1)[4]).as("asked").isEqualTo(String.valueOf(k));
    assertThat(String.join("\n", rows)).doesNotContain(small.get(0)).doesNotContain(big.get(0));

    String page = admin.get("/dashboard/programs").body();
    assertThat(section(page, "#channel-c0small", "#channel-c0big")).contains("fewer than " + k + " people")
        .doesNotContain("% (");
    assertThat(section(page, "#channel-c0big", "#channel-c0small")).contains("0% (0 of " + k + ")");
  }

  /** The page from {@code from} up to {@code other} where that follows it, else to the end. */
  private static String section(String page, String from, String other) {
    String part = page.substring(page.indexOf(from));
    int end = part.indexOf(other);
    return end > 0 ? part.substring(0, end) : part;
  }
}
