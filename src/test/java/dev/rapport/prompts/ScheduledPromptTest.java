package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScheduledPromptTest extends PromptTestSupport {

  @Autowired
  Schedules schedules;
  @Autowired
  PromptJob job;

  @Test
  void anAdminSchedulesPromptsAndTheyArePostedThroughTheOutboxWhenDue() {
    // Due two minutes from now, so signed requests (checked against the app clock) stay valid after the jump.
    LocalTime at = LocalTime.now(ZoneOffset.UTC).plusMinutes(2).truncatedTo(ChronoUnit.MINUTES);
    SlackRequests.Answer answer = empathy(ADMIN, "C700", "start every day at " + at + " tz UTC vulnerability");

    assertThat(answer.text()).contains("*Sharing vulnerability* prompts here every day at " + at + " (UTC)")
        .contains("/empathy stop");
    Instant due = schedules.nextDue(TEAM, PromptJob.KIND, "C700").orElseThrow();
    assertThat(slack.api().messages("C700")).isEmpty();

    clock.set(due.plusSeconds(1));

    await().atMost(WAIT).until(() -> slack.api().messages("C700").size() == 1);
    FakeApi.Message message = slack.api().messages("C700").get(0);
    Prompt prompt = promptOf(message);
    assertThat(prompt.strategy()).isEqualTo(Strategy.VULNERABILITY);
    assertThat(message.eventType()).as("sent by the outbox").isEqualTo("rapport_delivery");
    await().atMost(WAIT).until(() -> jedis.exists(postKey("C700", message.ts())));
    assertThat(jedis.hget(postKey("C700", message.ts()), "prompt")).isEqualTo(prompt.id());
  }

  @Test
  void withoutAStrategyTheScheduleLetsTheFourTakeTurns() throws Exception {
    empathy(ADMIN, "C701", "start every week on fri at 09:30 tz Europe/Berlin");
    Schedule schedule = schedules.get(TEAM, PromptJob.KIND, "C701").orElseThrow();
    assertThat(schedule.data()).doesNotContainKey("strategy");

    for (int i = 0; i < 4; i++) {
      job.run(occurrence(schedule, i));
    }

    await().atMost(WAIT).until(() -> slack.api().messages("C701").size() == 4);
    assertThat(slack.api().messages("C701")).extracting(m -> promptOf(m).strategy())
        .containsExactlyInAnyOrder(Strategy.values());
  }

  @Test
  void runningTheSameOccurrenceAgainPostsOnceAndUsesOnePrompt() throws Exception {
    empathy(ADMIN, "C702", "start every day at 10:00 tz UTC empathy");
    Schedule schedule = schedules.get(TEAM, PromptJob.KIND, "C702").orElseThrow();
    Occurrence occurrence = occurrence(schedule, 0);

    job.run(occurrence);
    job.run(occurrence);

    await().atMost(WAIT).until(() -> slack.api().messages("C702").size() == 1);
    await().during(Duration.ofMillis(500)).atMost(WAIT)
        .until(() -> slack.api().messages("C702").size() == 1);
    assertThat(jedis.smembers("rapport:{" + TEAM + "}:prompts:rotation:C702:empathy:seen")).hasSize(1);
  }

  @Test
  void whenEveryPromptOfTheScheduledStrategyWasRemovedAdminsGetADmInsteadOfSilence() throws Exception {
    empathy(ADMIN, "C703", "start every day at 10:00 tz UTC quality-time");
    for (Prompt p : library.available(TEAM, Strategy.QUALITY_TIME)) {
      empathy(ADMIN, "C703", "remove " + p.id());
    }
    Schedule schedule = schedules.get(TEAM, PromptJob.KIND, "C703").orElseThrow();

    job.run(occurrence(schedule, 0));

    await().atMost(WAIT).until(() -> slack.api().messages(dmWith(ADMIN)).size() == 1);
    assertThat(slack.api().messages(dmWith(ADMIN)).get(0).text()).contains("<#C703>").contains("wasn't posted")
        .contains("every *Quality time* prompt").contains("/empathy add quality-time");
    assertThat(slack.api().messages("C703")).isEmpty();
    assertThat(slack.calls("conversations.open")).extracting(c -> c.param("users")).containsOnly(ADMIN);
  }

  @Test
  void stopEndsTheScheduleAndSaysSoWhenThereWasNone() {
    empathy(ADMIN, "C704", "start every weekday at 09:00");

    assertThat(empathy(ADMIN, "C704", "stop").text()).contains("Stopped").contains("every weekday at 09:00");
    assertThat(schedules.get(TEAM, PromptJob.KIND, "C704")).isEmpty();
    assertThat(empathy(ADMIN, "C704", "stop").text()).contains("no scheduled prompts in this channel");
  }

  @Test
  void theAdminsTimeZoneIsTheDefaultAndAStartAgainChangesTheSchedule() {
    slack.workspace(TEAM).user(ADMIN).tz("Asia/Tokyo", 9 * 3600);

    empathy(ADMIN, "C705", "start every week on mon at 10:00");
    SlackRequests.Answer again = empathy(ADMIN, "C705", "start every week on tue at 11:00 listening");

    assertThat(again.text()).startsWith(":calendar: Changed:").contains("every week on Tuesday at 11:00 (Asia/Tokyo)");
    assertThat(schedules.get(TEAM, PromptJob.KIND, "C705").orElseThrow().data()).containsEntry("strategy", "listening");
  }

  @Test
  void badCadencesAndStrategiesAreExplained() {
    assertThat(empathy(ADMIN, "C706", "start").text()).contains("When should prompts be posted here?");
    assertThat(empathy(ADMIN, "C706", "start every fortnight at 10:00").text()).contains("`fortnight` is not a day");
    assertThat(empathy(ADMIN, "C706", "start every day at 10:00 listning").text())
        .contains("`listning` isn't a strategy").contains("`listening`, `empathy`, `vulnerability` or `quality-time`");
    assertThat(empathy(ADMIN, "C706", "start every day at 10:00 listening now").text())
        .contains("not `listening now`");
    assertThat(empathy(ADMIN, "D706", "start every day at 10:00").text()).contains("in the channel");
    assertThat(schedules.all(TEAM, PromptJob.KIND)).isEmpty();
  }

  @Test
  void nonAdminsCannotStartStopAddOrRemove() {
    empathy(ADMIN, "C707", "start every day at 10:00 tz UTC");
    String firstId = library.available(TEAM, Strategy.LISTENING).get(0).id();
    int before = library.available(TEAM).size();

    for (String text : List.of("start every day at 11:00", "stop", "add listening What did you hear today?",
        "remove " + firstId, "list", "stats")) {
      assertThat(empathy(MEMBER, "C707", text).text()).as(text).startsWith(":lock: Only Rapport admins");
    }
    assertThat(schedules.get(TEAM, PromptJob.KIND, "C707").orElseThrow().cadence().time()).hasToString("10:00");
    assertThat(library.available(TEAM)).hasSize(before);
  }

  private static Occurrence occurrence(Schedule schedule, int n) {
    Instant due = Instant.parse("2030-01-01T10:00:00Z").plus(n, ChronoUnit.DAYS);
    return new Occurrence(schedule.id() + "@" + due.toEpochMilli(), schedule, due);
  }
}
