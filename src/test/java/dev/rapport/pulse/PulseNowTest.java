package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /pulse now} (a period right away, like {@code /coffee now}) and changing the cadence while a period
 * is open: what happens to the open period and to the next scheduled one, and that the reply says so.
 */
class PulseNowTest extends PulseAppTest {

  @Autowired
  PulseStore store;

  @Test
  void pulseNowOpensAPeriodRightAwayThatClosesWhenTheNextScheduledOneOpens() {
    team(6);
    // Five days away: more than half a week, so this period simply runs until then.
    assertThat(requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "start " + weeklyIn(5)))
        .contains("Pulse started");
    Instant next = schedules.nextDue(TEAM, PeriodJob.KIND, CHANNEL).orElseThrow();
    int listed = slack.calls("conversations.members").size();

    String reply = requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "now");

    assertThat(slack.calls("conversations.members")).as("the people counted are the people invited: read once")
        .hasSize(listed + 1);
    String open = store.config(TEAM, CHANNEL).openPeriod();
    assertThat(open).as("a period is open right away").isNotNull();
    assertThat(store.period(TEAM, CHANNEL, open).orElseThrow().closes()).isEqualTo(next);
    assertThat(reply).contains("opened in <#" + CHANNEL + ">").contains("6 people")
        .contains("closes " + slackDate(next)).contains("as scheduled").doesNotContain("skip");
    assertThat(awaitDms(6)).allSatisfy(dm -> assertThat(buttonValue(dm)).isEqualTo(CHANNEL + "|" + open));
    assertThat(schedules.nextDue(TEAM, PeriodJob.KIND, CHANNEL)).as("the schedule is unchanged").contains(next);
    assertThat(modalText(answer("U002", open, 4, 4, 4, 4, null))).contains("Thank you");
  }

  @Test
  void pulseNowShortlyBeforeTheNextScheduledOpeningSkipsItAndSaysSo() throws Exception {
    team(6);
    assertThat(requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "start " + dailyCadence(1, "UTC")))
        .contains("Pulse started");
    Schedule schedule = schedules.get(TEAM, PeriodJob.KIND, CHANNEL).orElseThrow();
    Instant next = schedules.nextDue(TEAM, PeriodJob.KIND, CHANNEL).orElseThrow();
    Instant after = schedule.cadence().next(next);

    String reply = requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "now");
    String open = store.config(TEAM, CHANNEL).openPeriod();
    awaitDms(6);

    assertThat(reply).contains("skip").contains(slackDate(next)).contains("closes " + slackDate(after));
    assertThat(store.period(TEAM, CHANNEL, open).orElseThrow().closes()).isEqualTo(after);

    run(schedule, next);
    assertThat(store.config(TEAM, CHANNEL).openPeriod()).as("the skipped opening leaves the period open")
        .isEqualTo(open);
    assertThat(store.period(TEAM, CHANNEL, open).orElseThrow().isOpen()).isTrue();
    drainOutbox();
    assertThat(dms()).as("nobody is invited twice").hasSize(6);

    run(schedule, after);
    assertThat(store.period(TEAM, CHANNEL, open).orElseThrow().isClosed()).isTrue();
    assertThat(store.config(TEAM, CHANNEL).openPeriod()).isEqualTo(Period.idFor(after));
  }

  @Test
  void pulseNowWhileAPeriodIsOpenClosesItFirstAndSaysWhatBecameOfIt() throws Exception {
    List<String> people = team(6);
    start();
    String first = nextPeriod();
    people.subList(0, 5).forEach(user -> answer(user, first, 4, 4, 4, 4, null));
    awaitDms(6);

    String reply = requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "now");

    String open = store.config(TEAM, CHANNEL).openPeriod();
    assertThat(open).isNotEqualTo(first);
    assertThat(store.period(TEAM, CHANNEL, first).orElseThrow().isClosed()).isTrue();
    assertThat(reply).contains("was open").contains("is closed").contains("results are ready")
        .contains("opened in <#" + CHANNEL + ">");
    assertThat(awaitDms(12).stream().filter(dm -> buttonValue(dm).endsWith(open))).hasSize(6);
    assertThat(report(ADMIN, "")).contains("5 of 6 answered");
  }

  @Test
  void pulseNowInAChannelThatShrankBelowKIsRefusedWithTheReasonAndNothingOpens() {
    team(6);
    start();
    slack.workspace(TEAM).leave(CHANNEL, "U005");
    slack.workspace(TEAM).leave(CHANNEL, "U006");

    String reply = requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "now");

    assertThat(reply).contains("can't open a pulse period here").contains("has 4 people").contains("at least 5");
    assertThat(store.config(TEAM, CHANNEL).openPeriod()).isNull();
  }

  @Test
  void pulseNowWithoutAPulseSaysHowToStartOne() {
    team(6);

    String reply = requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "now").text();

    assertThat(reply).contains("no pulse in this channel").contains("/pulse start");
    assertThat(store.config(TEAM, CHANNEL).openPeriod()).isNull();
  }

  @Test
  void changingTheCadenceDuringAnOpenPeriodKeepsItOpenUntilTheNewScheduleOpensTheNextAndSaysSo()
      throws Exception {
    team(6);
    start();
    String open = nextPeriod();
    answer("U002", open, 3, 3, 3, 3, null);

    String reply = requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "start " + dailyCadence(20, "UTC"));

    Schedule changed = schedules.get(TEAM, PeriodJob.KIND, CHANNEL).orElseThrow();
    Instant first = schedules.nextDue(TEAM, PeriodJob.KIND, CHANNEL).orElseThrow();
    assertThat(reply).contains("Pulse schedule changed").contains("open period").contains("stays open")
        .contains("closes " + slackDate(first)).contains("its reminder moves with it");
    assertThat(store.period(TEAM, CHANNEL, open).orElseThrow().closes()).isEqualTo(first);
    assertThat(schedules.get(TEAM, ReminderJob.KIND, CHANNEL).orElseThrow().at()).isBefore(first)
        .isAfter(Instant.now());

    run(changed, first);

    assertThat(store.period(TEAM, CHANNEL, open).orElseThrow().isClosed()).isTrue();
    assertThat(jedis.hget(counts(open), "responses")).isEqualTo("1");
    assertThat(store.config(TEAM, CHANNEL).openPeriod()).isEqualTo(Period.idFor(first));
  }

  private void run(Schedule schedule, Instant due) throws Exception {
    periodJob.run(new Occurrence(schedule.id() + "@" + due.toEpochMilli(), schedule, due));
  }

  /** A weekly cadence {@code days} days from today, at this minute (UTC). */
  private static String weeklyIn(int days) {
    Instant at = Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    var time = at.atZone(java.time.ZoneOffset.UTC);
    return String.format(java.util.Locale.ROOT, "every week on %s at %02d:%02d tz UTC",
        time.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
            .toLowerCase(java.util.Locale.ROOT), time.getHour(), time.getMinute());
  }
}
