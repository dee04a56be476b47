package dev.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A channel's milestones, as its team's pulse shows them: programs starting, changing cadence and stopping, in
 * order, described and never explained; saving the same cadence again is no milestone.
 */
class MilestonesTest extends AppTest {

  static final String CHANNEL = "C0MILE";
  static final String ADMIN = "U001";

  @Autowired
  Insights insights;

  @Test
  void startsCadenceChangesAndStopsAreMilestonesInWordsThatDescribeOnly() {
    slack.workspace(TEAM).channel(CHANNEL, "U", 6);
    slack.workspace(TEAM).user(ADMIN).admin();
    coffee("start every week on mon at 10:00 tz UTC");
    clock.advance(java.time.Duration.ofMinutes(1));
    coffee("start every week on mon at 10:00 tz UTC");
    clock.advance(java.time.Duration.ofMinutes(1));
    coffee("start every 2 weeks on tue at 09:00 tz UTC");
    clock.advance(java.time.Duration.ofMinutes(1));
    assertThat(requests.command(TEAM, ADMIN, CHANNEL, "/empathy", "start every day at 10:00 tz UTC").text())
        .contains("Rapport will post");
    clock.advance(java.time.Duration.ofMinutes(1));
    coffee("stop");

    List<String> milestones = insights.pulse(TEAM, CHANNEL).milestones().stream().map(Milestone::inWords).toList();

    assertThat(milestones).containsExactly(
        "Coffee pairing started (every week on Monday at 10:00 (UTC))",
        "Coffee pairing cadence changed to every 2 weeks on Tuesday at 09:00 (UTC)",
        "Empathy prompts started (every day at 10:00 (UTC))",
        "Coffee pairing stopped");
    assertThat(String.join(" ", milestones) + " " + PulseContext.NOTE).doesNotContainIgnoringCase("because")
        .doesNotContainIgnoringCase("improv").doesNotContainIgnoringCase("led to")
        .doesNotContainIgnoringCase("thanks to");
  }

  private void coffee(String text) {
    assertThat(requests.command(TEAM, ADMIN, CHANNEL, "/coffee", text).status()).isEqualTo(200);
  }
}
