package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.FakeApi;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Words people read: copy that fits the cadence, times as Slack date tokens (each reader's own zone, never
 * the cadence's), plurals, and manager changes that say what really happened.
 */
class PulseCopyTest extends PulseAppTest {

  private static final String ZONE = "Asia/Tokyo";
  /** How times were written before: "Mon 6 Jan, 10:00 (Asia/Tokyo)". */
  private static final String ZONED_MOMENT = "[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2}, \\d{2}:\\d{2} \\(";

  @Autowired
  PulseStore store;

  @Test
  void aDailyPulseAsksForTodaysAnswersAndShowsEveryTimeInTheReadersOwnZone() throws Exception {
    team(10);
    String started = requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "start "
        + dailyCadence(6, ZONE));
    Instant first = schedules.nextDue(TEAM, PeriodJob.KIND, CHANNEL).orElseThrow();
    String period = nextPeriod();
    Instant closes = store.period(TEAM, CHANNEL, period).orElseThrow().closes();
    List<FakeApi.Message> invitations = awaitDms(10);
    remind();
    List<FakeApi.Message> reminders = awaitDms(20).stream().filter(m -> m.text().startsWith("Reminder")).toList();
    String report = report(ADMIN, "");
    String closed = close();

    assertThat(started).as("the cadence keeps its zone, the moment is the reader's").contains(slackDate(first))
        .doesNotContainPattern(ZONED_MOMENT);
    assertThat(invitations).allSatisfy(dm -> {
      assertThat(dm.blocks().toString()).contains("Answer today's pulse").doesNotContain("this week")
          .contains(slackDate(closes)).doesNotContain(ZONE);
      assertThat(dm.text()).contains(slackDate(closes)).doesNotContain(ZONE);
    });
    assertThat(reminders).hasSize(10).allSatisfy(dm -> {
      assertThat(dm.blocks().toString()).contains("Answer today's pulse").contains(slackDate(closes))
          .doesNotContain(ZONE);
      assertThat(dm.text()).contains(slackDate(closes));
    });
    assertThat(report).contains("open until " + slackDate(closes)).doesNotContain(ZONE);
    assertThat(closed).contains("<!date^").doesNotContain(ZONE).doesNotContainPattern(ZONED_MOMENT);
  }

  @Test
  void aWeeklyPulseStillAsksForThisWeeksAnswers() throws Exception {
    team(6);
    start();
    nextPeriod();

    assertThat(awaitDms(6)).allSatisfy(dm -> assertThat(dm.blocks().toString()).contains("Answer this week's pulse"));
  }

  @Test
  void theChartOfASinglePeriodSaysSoWithoutLastOnePeriods() throws Exception {
    shownPeriod();

    requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "chart");
    awaitFile();

    String comment = slack.calls("files.completeUploadExternal").get(0).param("initial_comment");
    assertThat(comment).contains("last period").doesNotContain("1 periods");
  }

  @Test
  void theHelpListsWhatEveryoneUsesBeforeTheAdminsCommands() {
    String help = requests.command(TEAM, "U002", CHANNEL, "/pulse", "help").text();

    assertThat(help.indexOf("`/pulse report")).isPositive().isLessThan(help.indexOf("`/pulse start"));
    assertThat(help.indexOf("`/pulse export")).isLessThan(help.indexOf("`/pulse now"));
  }

  @Test
  void removingSomeoneWhoIsNotAManagerSaysSoInsteadOfThatTheyNoLongerManage() {
    team(6);
    requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "managers add <@U005|eve>");

    String notOne = requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "managers remove <@U003|cy>").text();
    String mixed = requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "managers remove <@U005|eve> <@U004|di>")
        .text();

    assertThat(notOne).contains("<@U003> isn't a pulse manager of <#" + CHANNEL + ">").contains("Nothing changed")
        .doesNotContain("no longer");
    assertThat(mixed).contains("<@U005> no longer manages").contains("<@U004> wasn't a pulse manager");
    assertThat(store.managers(TEAM, CHANNEL)).isEmpty();
  }
}
