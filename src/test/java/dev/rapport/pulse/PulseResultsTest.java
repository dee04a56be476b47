package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports, chart, export and the Home tab: who may see them, and what they show under and at k. */
class PulseResultsTest extends PulseAppTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final String MANAGER = "U005";

  @Test
  void underKNothingFromKMeansOnlyAndFrom2kTheCountsWithTheChangeFromThePeriodBefore() throws Exception {
    List<String> people = team(10);
    start();
    String under = nextPeriod();
    people.subList(0, 4).forEach(u -> answer(u, under, 5, 5, 5, 5, "only-four-said-this"));
    String first = nextPeriod();
    people.subList(0, 5).forEach(u -> answer(u, first, 3, 4, 2, 5, "comment of " + u.substring(1)));
    String second = nextPeriod();
    List<Integer> trust = List.of(1, 4, 4, 5, 5, 4, 4, 3, 3, 5);
    for (int i = 0; i < 10; i++) {
      answer(people.get(i), second, trust.get(i), 4, 3, 5, null);
    }
    close();

    String report = report(ADMIN, "4 weeks");

    assertThat(report).contains("4 of 10 answered (40%)").contains("Not enough answers to keep them anonymous")
        .doesNotContain("only-four-said-this");
    assertThat(report).contains("5 of 10 answered (50%)").contains("*Trust* 3.0").contains("*Belonging* 5.0")
        .contains("comment of 001").contains("comment of 005")
        .contains("Means only: the 1–5 counts of each question show from 10 answers");
    assertThat(report).contains("10 of 10 answered (100%)").contains("*Trust* 3.8 (+0.8)")
        .contains("*Understanding* 4.0 (no change)").contains("*Communication* 3.0 (+1.0)")
        .contains("`1:1  2:0  3:2  4:4  5:3`").contains("`1:0  2:0  3:0  4:10  5:0`");
    assertThat(report).as("the period with 5 answers shows no counts").doesNotContain("3:5")
        .doesNotContain("5:5");
    assertThat(report.indexOf("10 of 10")).as("newest first").isLessThan(report.indexOf("5 of 10"));
  }

  @Test
  void aUnanimousTeamOfKShowsItsMeansButNoExactHistogramAnywhere() throws Exception {
    List<String> people = team(5);
    start();
    String period = nextPeriod();
    people.forEach(u -> answer(u, period, 4, 4, 4, 4, null));
    close();
    requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "managers add <@" + MANAGER + "|eve>");

    String report = report(ADMIN, "");
    requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "export");
    String csv = new String(awaitFile().bytes(), StandardCharsets.UTF_8);

    assertThat(report).contains("5 of 5 answered").contains("*Trust* 4.0").doesNotContain("4:5")
        .doesNotContain("`1:");
    assertThat(csv.lines().toList().get(1)).contains(",5,5,1.00,means,4.00,,,,,,4.00,,,,,,");
    assertThat(home(MANAGER)).contains("Trust 4.0").doesNotContain("4:5");
  }

  @Test
  void ofTwoOverlappingTeamsWhoseMembersDifferByFewerThanKOnlyTheOneThatClosedFirstIsShown() throws Exception {
    String plusOne = "C0PULSEPLUS";
    String strangers = "C0PULSEOTHER";
    List<String> people = team(6);
    slack.workspace(TEAM).channel(plusOne, "U", 7);
    slack.workspace(TEAM).channel(strangers, "V", 6);
    start();
    start(plusOne);
    start(strangers);
    String team = nextPeriod();
    String plus = nextPeriod(plusOne);
    String other = nextPeriod(strangers);
    people.forEach(u -> answer(u, team, 4, 4, 4, 4, null));
    people.forEach(u -> answer(plusOne, u, plus, 4, 4, 4, 4, null));
    answer(plusOne, "U007", plus, 1, 1, 1, 1, "the newcomer's words");
    for (int i = 1; i <= 6; i++) {
      answer(strangers, "V00" + i, other, 3, 3, 3, 3, null);
    }

    close();
    close(plusOne);
    close(strangers);

    assertThat(report(ADMIN, "")).contains("6 of 6 answered").contains("*Trust* 4.0");
    assertThat(report(plusOne, ADMIN, "")).contains("results withheld").contains("<#" + CHANNEL + ">")
        .contains("differ from this channel's by fewer than 5 people").doesNotContain("*Trust*")
        .doesNotContain("7 of 7").doesNotContain("the newcomer's words");
    assertThat(report(strangers, ADMIN, "")).as("members differing by k or more are compared no closer")
        .contains("6 of 6 answered").contains("*Trust* 3.0");
    assertThat(jedis.hget("rapport:{" + TEAM + "}:pulse:" + plusOne + ":period:" + plus + ":meta", "withheld"))
        .as("the decision is recorded at close, so it never changes").isEqualTo(CHANNEL);

    requests.command(TEAM, ADMIN, plusOne, "/pulse", "export");
    List<String> csv = new String(awaitFile().bytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(csv.get(1)).contains(",7,,,withheld" + ",".repeat(24)).doesNotContain("1.00");
  }

  @Test
  void theOpenPeriodShowsNoResultsEvenWithKAnswers() throws Exception {
    List<String> people = team(8);
    start();
    String open = nextPeriod();
    people.subList(0, 6).forEach(u -> answer(u, open, 2, 2, 2, 2, "not-yet-visible"));

    String report = report(ADMIN, "");

    assertThat(report).contains("open until").contains("Results once it closes").doesNotContain("not-yet-visible")
        .doesNotContain("*Trust*").doesNotContain("6 of 8");
  }

  @Test
  void aManagerAddedByMentionGetsTheChartAsAPngInTheirDm() throws Exception {
    shownPeriod();
    assertThat(requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "managers add <@" + MANAGER + "|eve>").text())
        .contains("<@" + MANAGER + "> can now read");

    String reply = requests.command(TEAM, MANAGER, CHANNEL, "/pulse", "chart").text();

    assertThat(reply).contains("arrive in your DM");
    FakeApi.File file = awaitFile();
    assertThat(file.filename()).startsWith("pulse-").endsWith(".png");
    assertThat(file.channel()).isEqualTo(slack.api().groupDmOf(List.of(MANAGER)));
    assertThat(Arrays.copyOf(file.bytes(), 8)).isEqualTo(PNG);
  }

  @Test
  void theExportIsACsvOfPerPeriodAggregatesInTheRequestersDm() throws Exception {
    shownPeriod();

    assertThat(requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "export").text()).contains("CSV will arrive");

    FakeApi.File file = awaitFile();
    assertThat(file.filename()).endsWith(".csv");
    assertThat(file.channel()).isEqualTo(slack.api().groupDmOf(List.of(ADMIN)));
    List<String> lines = new String(file.bytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo(CsvExport.header()).startsWith("period_start,period_end,invited,responses");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).as("5 answers: means, no counts").contains(",6,5,0.83,means,4.00,,,,,,5.00,");
  }

  @Test
  void peopleWhoNeitherManageTheChannelNorAdministerAreRefusedReportChartAndExport() throws Exception {
    shownPeriod();
    requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "managers add <@" + MANAGER + "|eve>");
    requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "managers remove <@" + MANAGER + "|eve>");

    for (String user : List.of("U003", MANAGER)) {
      for (String sub : List.of("report", "chart", "export")) {
        SlackRequests.Answer answer = requests.command(TEAM, user, CHANNEL, "/pulse", sub);
        assertThat(answer.text()).as(user + " " + sub).contains("Only the pulse managers of this channel");
        assertThat(answer.body()).doesNotContain("*Trust*");
      }
    }
    await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
        .until(() -> slack.api().files().isEmpty());
  }

  @Test
  void aChartNeedsAClosedPeriodWithKAnswers() throws Exception {
    List<String> people = team(6);
    start();
    String period = nextPeriod();
    people.subList(0, 4).forEach(u -> answer(u, period, 4, 4, 4, 4, null));
    close();

    assertThat(requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "chart"))
        .contains("Nothing to chart yet").contains("at least 5 answers");
  }

  @Test
  void theHomeTabShowsManagersTheLatestClosedPeriodOfTheirTeamsAndOthersNothing() throws Exception {
    shownPeriod();
    requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "managers add <@" + MANAGER + "|eve>");

    String managerHome = home(MANAGER);
    String otherHome = home("U003");

    assertThat(managerHome).contains("Pulse of the teams you manage").contains("<#" + CHANNEL + ">")
        .contains("5 of 6 answered").contains("Trust 4.0").contains("Belonging 3.0");
    assertThat(otherHome).contains("Welcome to Rapport").doesNotContain("Pulse of the teams you manage");
  }


}
