package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Auto-pause rests on evidence about the person — they ignored the check-in that asked them directly, or a
 * partner said they couldn't reach them — counts only rounds whose cycle ended, and never silences a channel.
 */
class CoffeeGhostsTest extends CoffeeAppTest {

  static final String CHANNEL = "C0GHOSTS";
  static final String UNREACHED = "pairing_unreached";

  @BeforeEach
  void anAdmin() {
    slack.workspace(TEAM).user(ADMIN).admin();
  }

  @Test
  void roundsRunBackToBackPauseNobody() {
    List<String> ten = slack.workspace(TEAM).channel(CHANNEL, "P", 10);
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC");

    for (int round = 1; round <= 4; round++) {
      String summary = roundNow();
      assertThat(summary).as("round %d", round).contains("10 people in 5 groups");
      awaitQuiet();
      assertThat(introsLanded(CHANNEL)).isEqualTo(5L * round);
      clock.advance(Duration.ofSeconds(1));
    }

    for (String member : ten) {
      assertThat(dms(member)).as(member).noneMatch(m -> m.text().contains(":zzz:"));
    }
  }

  @Test
  void anEveryDayProgramNobodyAnswersPausesNobodyAndTellsTheAdminWhoRunsIt() {
    List<String> ten = slack.workspace(TEAM).channel(CHANNEL, "P", 10);
    coffee(ADMIN, CHANNEL, "start every day at 10:00 tz UTC");
    Instant due = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow();

    for (int round = 1; round <= 4; round++) {
      advanceTo(due);
      awaitQuiet();
      assertThat(introsLanded(CHANNEL)).as("intros after round %d", round).isEqualTo(5L * round);
      advanceTo(due.plus(Duration.ofHours(13)));
      awaitQuiet();
      due = due.plus(Duration.ofDays(1));
    }

    for (String member : ten) {
      assertThat(dms(member)).as(member).noneMatch(m -> m.text().contains(":zzz:"));
    }
    assertThat(dms(ADMIN)).extracting(FakeApi.Message::text).anyMatch(t -> t.contains("<#" + CHANNEL + ">")
        && t.contains("more than a quarter") && t.contains("nobody was paused"));
    assertThat(coffee(ADMIN, CHANNEL, "stats").text()).contains("Paused now: 0");
  }

  @Test
  void someoneWhoIgnoresTheCheckInThatAsksThemThreeRoundsRunningIsPausedAlone() {
    slack.workspace(TEAM).channel(CHANNEL, "P", 6);
    String quiet = "P001";
    coffee(ADMIN, CHANNEL, "start every day at 10:00 tz UTC");
    Instant due = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow();

    for (int round = 1; round <= 3; round++) {
      advanceTo(due);
      List<Intro> intros = intros(CHANNEL, 3 * (round - 1), 3 * round);
      awaitQuiet();
      int answers = slack.responded().size();
      for (Intro intro : intros) {
        // Everyone answers but the quiet one; their partner says they didn't meet.
        click(intro.has(quiet) ? intro.other(quiet) : intro.members().get(0), intro,
            intro.has(quiet) ? IntroMessage.NOT_MET : IntroMessage.MET);
      }
      await().atMost(WAIT).until(() -> slack.responded().size() >= answers + 3);
      advanceTo(due.plus(Duration.ofHours(13)));
      awaitQuiet();
      int asked = round;
      assertThat(dms(quiet)).as("check-ins to the quiet one after round %d", round)
          .filteredOn(m -> m.text().contains("get a chance to meet")).hasSize(asked);
      due = due.plus(Duration.ofDays(1));
    }

    advanceTo(due);
    List<Intro> fourth = intros(CHANNEL, 9, 11);
    awaitQuiet();

    assertThat(dms(quiet)).extracting(FakeApi.Message::text).anyMatch(t -> t.contains(":zzz:"));
    assertThat(fourth).noneMatch(intro -> intro.has(quiet));
    for (String other : List.of("P002", "P003", "P004", "P005", "P006")) {
      assertThat(dms(other)).as(other).noneMatch(m -> m.text().contains(":zzz:"));
    }
    assertThat(requests.command(TEAM, quiet, "D0QUIET", "/coffee", "status").text()).contains("Paused");
  }

  @Test
  void aPartnerWhoCouldNotReachSomeoneSaysSoPrivatelyAndItCounts() {
    slack.workspace(TEAM).channel(CHANNEL, "P", 6);
    String quiet = "P001";
    // Rapport can't open a DM with the quiet one, so the check-in never reaches them: only partners' word counts.
    slack.on("conversations.open", call -> quiet.equals(call.param("users"))
        ? FakeApi.error("cannot_dm_user") : slack.api().answer(call));
    coffee(ADMIN, CHANNEL, "start every day at 10:00 tz UTC");
    Instant due = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow();

    List<String> partners = new java.util.ArrayList<>();
    for (int round = 1; round <= 3; round++) {
      advanceTo(due);
      List<Intro> intros = intros(CHANNEL, 3 * (round - 1), 3 * round);
      awaitQuiet();
      Intro theirs = intros.stream().filter(i -> i.has(quiet)).findFirst().orElseThrow();
      String partner = theirs.other(quiet);
      int before = slack.responded().size();
      for (Intro intro : intros) {
        if (intro != theirs) {
          click(intro.members().get(0), intro, IntroMessage.MET);
        }
      }
      click(partner, theirs, IntroMessage.NOT_MET);
      await().atMost(WAIT).until(() -> slack.responded().size() >= before + intros.size());
      String report = slack.responded().stream().skip(before)
          .map(r -> buttonValue(r.body().path("blocks"), UNREACHED)).filter(v -> v != null).findFirst()
          .orElseThrow(() -> new AssertionError("no way to say someone couldn't be reached"));
      assertThat(report).endsWith("|" + quiet);
      int reported = slack.responded().size();
      requests.blockAction(TEAM, partner, theirs.dm(), UNREACHED, report);
      await().atMost(WAIT).until(() -> slack.responded().size() > reported);
      assertThat(slack.responded().get(reported).text()).contains("privately");
      partners.add(partner);
      advanceTo(due.plus(Duration.ofHours(13)));
      awaitQuiet();
      due = due.plus(Duration.ofDays(1));
    }

    slack.on("conversations.open", call -> slack.api().answer(call));
    advanceTo(due);
    List<Intro> fourth = intros(CHANNEL, 9, 11);
    awaitQuiet();

    assertThat(fourth).noneMatch(intro -> intro.has(quiet));
    assertThat(coffee(ADMIN, CHANNEL, "stats").text()).contains("Paused now: 1");
    // The quiet one is told they're paused, and never who said they couldn't be reached.
    List<FakeApi.Message> note = dms(quiet);
    assertThat(note).hasSize(1);
    assertThat(note.get(0).text()).contains(":zzz:");
    partners.forEach(p -> assertThat(note.get(0).text() + note.get(0).blocks()).doesNotContain(p));
  }

  /** {@code /coffee now} by the admin; returns the summary it answers once the round is made. */
  private String roundNow() {
    SlackRequests.Ack ack = requests.commandAck(TEAM, ADMIN, CHANNEL, "/coffee", "now");
    assertThat(ack.answer().text()).contains("Starting a round");
    return requests.awaitResponse(ack.responseId()).text();
  }
}
