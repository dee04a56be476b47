package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a round is made: private avoid lists, `/coffee now` and the schedule, members without a time zone. */
class CoffeeRoundsTest extends CoffeeAppTest {

  static final String CHANNEL = "C0ROUNDS";

  @BeforeEach
  void anAdmin() {
    slack.workspace(TEAM).user(ADMIN).admin();
  }

  @Test
  void anAvoidEntryIsNeverRevealedNotEvenInAPoolOfTwo() {
    slack.workspace(TEAM).join(CHANNEL, "UV001", "UV002");
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC");
    assertThat(coffee("UV001", CHANNEL, "avoid <@UV002>").text()).contains("<@UV002>");

    String summary = roundNow(CHANNEL);

    assertThat(summary).doesNotContain("Nobody was available").contains("2 people");
    await().atMost(WAIT).until(() -> !dms("UV001").isEmpty() && !dms("UV002").isEmpty());
    assertThat(dms("UV002").get(0).text()).contains("<#" + CHANNEL + ">");
    List<String> shown = new ArrayList<>(everythingShown());
    shown.add(summary);
    shown.add(coffee("UV002", CHANNEL, "status").text());
    shown.add(coffee("UV002", CHANNEL, "history").text());
    shown.add(coffee(ADMIN, CHANNEL, "stats").text());
    for (String user : List.of("UV002", ADMIN)) {
      requests.event(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload", Map.of("type", "app_home_opened",
          "user", user, "tab", "home", "channel", "D0" + user, "event_ts", "1700000000.000100"));
      await().atMost(WAIT).until(() -> slack.api().views().stream().anyMatch(v -> user.equals(v.userId())));
    }
    slack.api().views().forEach(v -> shown.add(v.view().toString()));
    assertRevealsNoAvoidEntry(shown);
  }

  @Test
  void coffeeNowTheDayBeforeAScheduledRoundSkipsThatRoundAndSaysSo() {
    advanceTo(nextMondayAt(9));
    slack.workspace(TEAM).channel(CHANNEL, "S", 4);
    coffee(ADMIN, CHANNEL, "start every 2 weeks on tue at 10:00 tz UTC");
    Instant tuesday = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow();
    assertThat(Duration.between(clock.instant(), tuesday)).isLessThan(Duration.ofDays(1).plusHours(2));

    SlackRequests.Ack now = requests.commandAck(TEAM, ADMIN, CHANNEL, "/coffee", "now");

    Instant after = tuesday.plus(Duration.ofDays(14));
    assertThat(now.answer().text()).contains("skip").contains("<!date^" + tuesday.getEpochSecond() + "^")
        .contains("<!date^" + after.getEpochSecond() + "^");
    assertThat(schedules.nextDue(TEAM, "pairing", CHANNEL)).contains(after);
    intros(CHANNEL, 0, 2);
    advanceTo(tuesday);
    awaitQuiet();
    assertThat(roundCount(CHANNEL)).isEqualTo(1);
    assertThat(introMessages(CHANNEL)).hasSize(2);
  }

  @Test
  void coffeeNowRightAfterARoundKeepsTheNextOneAndSaysSo() {
    advanceTo(nextMondayAt(9).plus(Duration.ofDays(2)));
    slack.workspace(TEAM).channel(CHANNEL, "S", 4);
    coffee(ADMIN, CHANNEL, "start every 2 weeks on tue at 10:00 tz UTC");
    Instant next = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow();
    assertThat(Duration.between(clock.instant(), next)).isGreaterThan(Duration.ofDays(7));

    SlackRequests.Ack now = requests.commandAck(TEAM, ADMIN, CHANNEL, "/coffee", "now");

    assertThat(now.answer().text()).contains("<!date^" + next.getEpochSecond() + "^").contains("still");
    assertThat(schedules.nextDue(TEAM, "pairing", CHANNEL)).contains(next);
  }

  @Test
  void membersWithoutATimeZoneAreNotTreatedAsUtc() {
    slack.workspace(TEAM).join(CHANNEL, "Z001", "Z002");
    slack.workspace(TEAM).user("Z001").tz("Asia/Tokyo", 9 * 3600);
    slack.workspace(TEAM).user("Z002").tz(null, 0);
    slack.workspace(TEAM).join("C0NOZONES", "Y001", "Y002");
    slack.workspace(TEAM).user("Y001").tz(null, 0);
    slack.workspace(TEAM).user("Y002").tz(null, 0);
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC");
    coffee(ADMIN, "C0NOZONES", "start every week on mon at 10:00 tz UTC");

    coffee(ADMIN, CHANNEL, "now");
    coffee(ADMIN, "C0NOZONES", "now");

    await().atMost(WAIT).until(() -> introMessages(CHANNEL).size() == 1 && introMessages("C0NOZONES").size() == 1);
    String oneKnown = blocksIn(slack.api().groupDmOf(List.of("Z001", "Z002")));
    // Z001's hours (Tokyo) are known; Z002's aren't, so they're asked to check, not told the hours don't overlap.
    assertThat(oneKnown).doesNotContain("barely overlap").contains("<!date^").contains("<@Z002>")
        .contains("time zone");
    String noneKnown = blocksIn(slack.api().groupDmOf(List.of("Y001", "Y002")));
    assertThat(noneKnown).doesNotContain("barely overlap").doesNotContain("Everyone's working hours overlap")
        .doesNotContain("<!date^").contains("time zone");
  }

  private String blocksIn(String dm) {
    List<FakeApi.Message> messages = slack.api().messages(dm);
    assertThat(messages).hasSize(1);
    return messages.get(0).blocks().toString();
  }

  private Instant nextMondayAt(int hour) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(LocalTime.of(hour, 0))
        .toInstant(ZoneOffset.UTC);
  }

  private String roundNow(String channel) {
    SlackRequests.Ack ack = requests.commandAck(TEAM, ADMIN, channel, "/coffee", "now");
    return requests.awaitResponse(ack.responseId()).text();
  }
}
