package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.DashboardClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pulse trend insights and the dashboard read: a period with k−1 answers shows no score, one with k shows its
 * means, in the trend and on the team's dashboard page, next to the channel's milestones.
 */
class PulseTrendsTest extends PulseAppTest {

  @Autowired
  PulseTrends trends;

  @Test
  void aPeriodWithKMinusOneAnswersShowsNoScoreAndOneWithKShowsItsMeans() throws Exception {
    int k = trends.k();
    List<String> people = team(2 * k);
    start();
    String under = nextPeriod();
    people.subList(0, k - 1).forEach(u -> answer(u, under, 5, 5, 5, 5, null));
    String enough = nextPeriod();
    people.subList(0, k).forEach(u -> answer(u, enough, 3, 4, 2, 5, null));
    close();

    List<PulseTrends.TeamPeriod> trend = trends.trend(TEAM, CHANNEL, 26);

    assertThat(trend).hasSize(2);
    assertThat(trend.get(0).shown()).isFalse();
    assertThat(trend.get(0).means()).isEmpty();
    assertThat(trend.get(1).shown()).isTrue();
    assertThat(trend.get(1).means()).containsEntry("Trust", 3.0).containsEntry("Belonging", 5.0);

    DashboardClient admin = new DashboardClient(baseUrl(), slack);
    admin.signIn(TEAM, ADMIN, "Ada");
    String page = admin.get("/dashboard/teams/" + CHANNEL).body();
    assertThat(page).contains("fewer than " + k + " answered: scores not shown").contains(k + " of " + 2 * k)
        .contains("<td>3.0</td>").doesNotContain("<td>5.0</td><td>5.0</td><td>5.0</td>")
        .contains("Pulse started");
    assertThat(admin.get("/dashboard/charts/pulse/" + CHANNEL + ".png").status()).isEqualTo(200);
  }
}
