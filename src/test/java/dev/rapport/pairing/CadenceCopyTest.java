package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Words that fit the program's rhythm, and dates read in each person's own time zone. */
class CadenceCopyTest extends AppTest {

  static final String CHANNEL = "C0COPY";
  static final String ADMIN = "U001";

  @BeforeEach
  void channel() {
    slack.workspace(TEAM).channel(CHANNEL, "U", 2);
    slack.workspace(TEAM).user(ADMIN).admin();
  }

  @Test
  void aDailyProgramsIntroAsksForTimeTodayNotThisWeek() {
    coffee(ADMIN, "start every day at 09:00 tz UTC");

    coffee(ADMIN, "now");

    // The first block asks for the time; the icebreaker under it is a prompt, whose words are its own.
    String ask = awaitIntro().blocks().get(0).toString();
    assertThat(ask).contains("Find 20–30 minutes today").doesNotContain("this week");
  }

  @Test
  void aFortnightlyProgramsIntroGivesTheGroupTwoWeeks() {
    coffee(ADMIN, "start every 2 weeks on wed at 09:00 tz UTC");

    coffee(ADMIN, "now");

    assertThat(awaitIntro().blocks().get(0).toString()).contains("Find 20–30 minutes in the next two weeks");
  }

  @Test
  void pauseUntilADateEndsAtTheStartOfThatDayInThePersonsOwnZone() {
    slack.workspace(TEAM).user("U002").tz("America/Los_Angeles", -8 * 3600);
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    LocalDate date = LocalDate.now(clock).plusMonths(2);
    Instant start = date.atStartOfDay(ZoneId.of("America/Los_Angeles")).toInstant();

    String answer = coffee("U002", "pause until " + date);

    assertThat(pausedUntil("U002")).isEqualTo(start.toEpochMilli());
    assertThat(answer).contains("<!date^" + start.getEpochSecond() + "^").doesNotContain("UTC");
  }

  @Test
  void withNoTimeZoneInTheProfileThePauseSaysWhichZoneItAssumed() {
    slack.workspace(TEAM).user("U002").tz(null, 0);
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    LocalDate date = LocalDate.now(clock).plusMonths(2);

    String answer = coffee("U002", "pause until " + date);

    assertThat(pausedUntil("U002")).isEqualTo(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    assertThat(answer).contains("time zone").contains("UTC");
  }

  private long pausedUntil(String user) {
    return Long.parseLong(jedis.hget("rapport:{" + TEAM + "}:pairing:" + CHANNEL + ":paused", user));
  }

  private String coffee(String user, String text) {
    return requests.command(TEAM, user, CHANNEL, "/coffee", text).text();
  }

  private FakeApi.Message awaitIntro() {
    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api().intros().isEmpty());
    return slack.api().intros().get(0);
  }
}
