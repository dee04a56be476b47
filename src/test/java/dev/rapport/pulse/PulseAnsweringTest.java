package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.slack.SlackGateway;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.SlackRequests;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Starting a pulse, invitations, the modal, answering once, the reminder, closing and stopping. */
class PulseAnsweringTest extends PulseAppTest {

  @Autowired
  PulseStore store;
  @Autowired
  MeterRegistry meters;
  @Autowired
  PulsePersonalData personalData;
  @Autowired
  PulseSettings settings;

  @Test
  void startIsRefusedWithTheReasonWhenTheChannelHasFewerPeopleThanK() {
    team(4);
    slack.workspace(TEAM).join(CHANNEL, "UBOT1", "UGONE");
    slack.workspace(TEAM).user("UBOT1").bot();
    slack.workspace(TEAM).user("UGONE").deleted();

    SlackRequests.Ack ack = requests.commandAck(TEAM, ADMIN, CHANNEL, "/pulse", "start " + cadence());
    String reply = requests.awaitResponse(ack.responseId()).text();

    assertThat(ack.answer().later()).as("acked at once, counting in the background").isTrue();
    assertThat(ack.answer().text()).startsWith(":hourglass_flowing_sand:");
    assertThat(reply).contains("can't start a pulse here").contains("has 4 people").contains("at least 5")
        .contains("nobody's answers can be singled out");
    assertThat(schedules.get(TEAM, PeriodJob.KIND, CHANNEL)).isEmpty();
  }

  @Test
  void onlyAdminsCanStartStopOrCloseAPulse() {
    team(6);
    for (String sub : List.of("start " + cadence(), "stop", "close", "managers add <@U002|bo>")) {
      assertThat(requests.command(TEAM, "U002", CHANNEL, "/pulse", sub).text()).as(sub)
          .contains("Only Rapport admins");
    }
    assertThat(schedules.get(TEAM, PeriodJob.KIND, CHANNEL)).isEmpty();
  }

  @Test
  void anUnreadableCadenceIsExplainedAndNothingStarts() {
    team(6);

    String reply = requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "start every fortnight").text();

    assertThat(reply).contains("every").contains("Example");
    assertThat(schedules.get(TEAM, PeriodJob.KIND, CHANNEL)).isEmpty();
  }

  @Test
  void eachPeriodInvitesEveryHumanMemberOnceByDmWithTheAnswerButton() throws Exception {
    team(10);
    slack.workspace(TEAM).join(CHANNEL, "UBOT1", "UGONE");
    slack.workspace(TEAM).user("UBOT1").bot();
    slack.workspace(TEAM).user("UGONE").deleted();
    start();
    assertThat(schedules.get(TEAM, PeriodJob.KIND, CHANNEL)).isPresent();

    String period = nextPeriod();
    runAgain(period);

    List<FakeApi.Message> dms = awaitDms(10);
    await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> dms().size() == 10);
    assertThat(dms).extracting(FakeApi.Message::channel)
        .containsExactlyInAnyOrder("U001", "U002", "U003", "U004", "U005", "U006", "U007", "U008", "U009", "U010");
    assertThat(dms).allSatisfy(dm -> {
      assertThat(dm.blocks().toString()).contains("Answer this week's pulse");
      assertThat(buttonValue(dm)).isEqualTo(CHANNEL + "|" + period);
    });
    assertThat(schedules.get(TEAM, ReminderJob.KIND, CHANNEL)).isPresent();
  }

  /** Runs the occurrence that opened {@code period} once more, as after a crash. */
  private void runAgain(String period) throws Exception {
    Schedule schedule = schedules.get(TEAM, PeriodJob.KIND, CHANNEL).orElseThrow();
    Instant due = store.period(TEAM, CHANNEL, period).orElseThrow().opened();
    periodJob.run(new Occurrence(schedule.id() + "@" + due.toEpochMilli(), schedule, due));
  }

  @Test
  void slashPulseInTheChannelOpensTheModalWithFourQuestionsAndAnOptionalComment() throws Exception {
    team(6);
    start();
    String period = nextPeriod();

    SlackRequests.Answer answer = requests.command(TEAM, "U003", CHANNEL, "/pulse", "");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    // Opened right after the ack.
    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api().views().isEmpty());
    FakeApi.View modal = slack.api().views().get(0);
    assertThat(modal.method()).isEqualTo("views.open");
    assertThat(modal.callbackId()).isEqualTo(AnswerModal.CALLBACK);
    assertThat(modal.view().path("private_metadata").asText()).isEqualTo(CHANNEL + "|" + period);
    List<JsonNode> inputs = inputs(modal.view());
    assertThat(inputs).hasSize(5);
    for (int i = 0; i < 4; i++) {
      assertThat(inputs.get(i).path("element").path("type").asText()).isEqualTo("radio_buttons");
      assertThat(inputs.get(i).path("element").path("options")).hasSize(5);
      assertThat(inputs.get(i).path("optional").asBoolean()).isFalse();
    }
    assertThat(inputs.get(4).path("block_id").asText()).isEqualTo(AnswerModal.COMMENT_BLOCK);
    assertThat(inputs.get(4).path("optional").asBoolean()).isTrue();
  }

  @Test
  void theModalGoesToSlackAsJsonAndEveryoneInThePeriodGetsTheSameForm() throws Exception {
    team(6);
    start();
    String period = nextPeriod();

    requests.command(TEAM, "U003", CHANNEL, "/pulse", "");
    requests.command(TEAM, "U004", CHANNEL, "/pulse", "");
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("views.open").size() == 2);

    JsonNode form = new ObjectMapper().readTree(SlackGateway.json(AnswerModal.form(CHANNEL, period,
        settings.minResponses())));
    assertThat(slack.calls("views.open")).allSatisfy(call -> {
      assertThat(call.contentType()).startsWith("application/json");
      assertThat(call.token()).isEqualTo(FakeSlack.tokenFor(TEAM));
      assertThat(call.param("trigger_id")).startsWith("trigger-");
      assertThat(call.json("view")).isEqualTo(form);
    });
    assertThat(slack.calls("views.open")).extracting(call -> call.param("trigger_id")).doesNotHaveDuplicates();
    assertThat(inputs(form)).hasSize(5);
  }

  @Test
  void theDmButtonOpensTheModalAndAnAnswerIsSealedUntilThePeriodClosesThenCounted() throws Exception {
    team(6);
    start();
    String period = nextPeriod();
    FakeApi.Message invitation = awaitDms(6).get(0);

    requests.blockAction(TEAM, invitation.channel(), "D" + invitation.channel(), AnswerModal.OPEN_ACTION,
        buttonValue(invitation));
    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api().views().isEmpty());
    SlackRequests.Answer done = answer(invitation.channel(), period, 4, 3, 5, 2, "Good week");

    assertThat(slack.api().views()).extracting(FakeApi.View::callbackId).containsExactly(AnswerModal.CALLBACK);
    assertThat(done.json().path("response_action").asText()).isEqualTo("update");
    assertThat(modalText(done)).contains("Thank you").contains("sealed");
    assertThat(jedis.exists(counts(period))).as("nothing is counted while the period is open").isFalse();
    assertThat(jedis.zcard(periodKey(period, "sealed"))).isEqualTo(1);

    close();

    assertThat(jedis.hgetAll(counts(period))).containsEntry("responses", "1").containsEntry("t:4", "1")
        .containsEntry("u:3", "1").containsEntry("c:5", "1").containsEntry("b:2", "1").containsEntry("t:1", "0");
    assertThat(jedis.zrange(periodKey(period, "comments"), 0, -1)).singleElement().asString().endsWith(":Good week");
    for (String gone : List.of("sealed", "voters", "invited", "key")) {
      assertThat(jedis.exists(periodKey(period, gone))).as(gone + " is destroyed at close").isFalse();
    }
  }

  @Test
  void aSecondAnswerInTheSamePeriodIsRefusedAndChangesNothing() throws Exception {
    team(6);
    start();
    String period = nextPeriod();
    answer("U002", period, 4, 4, 4, 4, "first");
    List<String> sealed = jedis.zrange(periodKey(period, "sealed"), 0, -1);

    SlackRequests.Answer again = answer("U002", period, 1, 1, 1, 1, "second");
    String slash = requests.command(TEAM, "U002", CHANNEL, "/pulse", "").text();
    requests.blockAction(TEAM, "U002", "DU002", AnswerModal.OPEN_ACTION, CHANNEL + "|" + period);
    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api().views().isEmpty());

    assertThat(modalText(again)).contains("You have already answered this period");
    assertThat(slash).contains("You have already answered this period");
    assertThat(slack.api().views()).singleElement().satisfies(v ->
        assertThat(v.view().toString()).contains("You have already answered this period"));
    assertThat(jedis.zrange(periodKey(period, "sealed"), 0, -1)).isEqualTo(sealed).hasSize(1);
    close();
    assertThat(jedis.hget(counts(period), "responses")).isEqualTo("1");
    assertThat(jedis.zrange(periodKey(period, "comments"), 0, -1)).singleElement().asString().endsWith(":first");
  }

  @Test
  void someoneWhoWasNotInvitedWhenThePeriodOpenedIsToldTheyWillBeInvitedNextTime() throws Exception {
    team(6);
    start();
    String period = nextPeriod();
    slack.workspace(TEAM).join(CHANNEL, "U077");

    String slash = requests.command(TEAM, "U077", CHANNEL, "/pulse", "").text();
    requests.blockAction(TEAM, "U077", "DU077", AnswerModal.OPEN_ACTION, CHANNEL + "|" + period);
    // The modal opens right after the ack, on another thread.
    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api().views().isEmpty());
    SlackRequests.Answer forged = answer("U077", period, 1, 1, 1, 1, "not invited");

    assertThat(slash).contains("you weren't among them").contains("You'll be invited from the next period");
    assertThat(slack.api().views()).singleElement().satisfies(v ->
        assertThat(v.view().toString()).contains("You'll be invited from the next period"));
    assertThat(modalText(forged)).contains("You'll be invited from the next period");
    assertThat(jedis.exists(periodKey(period, "sealed"))).isFalse();
    for (String user : List.of("U002", "U003", "U004", "U005", "U006")) {
      answer(user, period, 3, 3, 3, 3, null);
    }
    close();
    assertThat(report(ADMIN, "")).as("k counts invited people who answered").contains("5 of 6 answered");
    assertThat(jedis.hget(counts(period), "responses")).isEqualTo("5");
  }

  @Test
  void aCloseCutShortAfterItsFirstStepIsFinishedByTheNextOccurrenceWithEveryAnswerCounted() throws Exception {
    List<String> people = team(6);
    start();
    String period = nextPeriod();
    people.subList(0, 5).forEach(user -> answer(user, period, 2, 3, 4, 5, "said by " + user));
    // As if the app died after the period stopped taking answers, before the totals were written.
    assertThat(store.beginClosing(TEAM, CHANNEL, period)).contains(Period.State.OPEN);

    assertThat(modalText(answer(people.get(5), period, 1, 1, 1, 1, null))).contains("closed before your answer");
    assertThat(report(ADMIN, "")).contains("closing");
    String next = nextPeriod();

    assertThat(store.period(TEAM, CHANNEL, period).orElseThrow().isClosed()).isTrue();
    assertThat(jedis.hgetAll(counts(period))).containsEntry("responses", "5").containsEntry("t:2", "5")
        .containsEntry("b:5", "5").containsEntry("t:1", "0");
    assertThat(jedis.zcard(periodKey(period, "comments"))).isEqualTo(5);
    assertThat(jedis.exists(periodKey(period, "sealed"))).isFalse();
    assertThat(store.config(TEAM, CHANNEL).openPeriod()).isEqualTo(next);
  }

  @Test
  void aPeriodOpenedBeforeAnswersWereSealedKeepsItsCountsTakesNoMoreAnswersAndClosesAndReportsAsBefore()
      throws Exception {
    team(6);
    start();
    // As the earlier version left an open period: counts and comments written as answers came, a voter set.
    Instant opened = clock.instant().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    String period = Period.idFor(opened);
    jedis.hset(periodKey(period, "meta"), Map.of("state", "open", "opened", String.valueOf(opened.toEpochMilli()),
        "closes", String.valueOf(opened.plus(Duration.ofDays(7)).toEpochMilli()), "invited", "6",
        "expires", String.valueOf(opened.plus(Duration.ofDays(730)).getEpochSecond())));
    Map<String, String> counts = new java.util.HashMap<>(Map.of("responses", "5"));
    CountFields.all().forEach(field -> counts.put(field, field.endsWith(":4") ? "5" : "0"));
    jedis.hset(counts(period), counts);
    jedis.zadd(periodKey(period, "comments"), 0, "0123456789abcdef:said before the upgrade");
    jedis.zadd(periodKey(period, "voters"), 0, "ab".repeat(32));
    jedis.zadd("rapport:{" + TEAM + "}:pulse:" + CHANNEL + ":periods", opened.toEpochMilli(), period);
    jedis.hset("rapport:{" + TEAM + "}:pulse:" + CHANNEL + ":config", "open", period);

    SlackRequests.Answer late = answer("U006", period, 1, 1, 1, 1, "after the upgrade");
    String slash = requests.command(TEAM, "U006", CHANNEL, "/pulse", "").text();
    String closed = close();

    assertThat(modalText(late)).contains("opened by an earlier version of Rapport");
    assertThat(slash).contains("opened by an earlier version of Rapport");
    assertThat(closed).contains("its results are ready");
    assertThat(report(ADMIN, "")).contains("5 of 6 answered").contains("*Trust* 4.0")
        .contains("said before the upgrade").doesNotContain("after the upgrade").doesNotContain("`1:");
    assertThat(jedis.hget(counts(period), "responses")).isEqualTo("5");
    assertThat(jedis.exists(periodKey(period, "voters"))).isFalse();
  }

  @Test
  void forgetMeDuringAPeriodUninvitesThePersonDropsTheirDigestsAndKeepsTheirSealedAnswerUnlinked()
      throws Exception {
    team(6);
    start();
    String period = nextPeriod();
    answer("U003", period, 2, 2, 2, 2, null);

    personalData.forget(new dev.rapport.people.MemberForgotten(TEAM, "U003"));

    assertThat(requests.command(TEAM, "U003", CHANNEL, "/pulse", "").text())
        .contains("You'll be invited from the next period");
    assertThat(jedis.zcard(periodKey(period, "invited"))).isEqualTo(5);
    // Their voter hash goes at the close with the period key (removing it now would tell Redis's history
    // that they had answered: PulseRedisHistoryTest).
    assertThat(jedis.zcard(periodKey(period, "voters"))).isEqualTo(1);
    assertThat(jedis.scard(periodKey(period, "members"))).isEqualTo(5);
    close();
    assertThat(jedis.hget(counts(period), "responses")).isEqualTo("1");
    assertThat(jedis.exists(periodKey(period, "voters"))).isFalse();
  }

  @Test
  void noMetricMovesWithAnAnswer() throws Exception {
    team(6);
    start();
    String period = nextPeriod();
    awaitDms(6);
    drainOutbox();
    Map<String, Double> before = meterValues();

    answer("U002", period, 5, 5, 5, 5, "metrics must not see this");
    answer("U003", period, 1, 1, 1, 1, null);

    Map<String, Double> after = meterValues();
    assertThat(meters.getMeters()).extracting(m -> m.getId().getName())
        .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("pulse"));
    Set<String> moved = new java.util.TreeSet<>();
    after.forEach((name, value) -> {
      if (!value.equals(before.get(name)) && !name.startsWith("http.server.requests") && !name.startsWith("jvm.")
          && !name.startsWith("process.") && !name.startsWith("system.") && !name.startsWith("executor")
          && !name.startsWith("tomcat.") && !name.startsWith("disk.") && !name.startsWith("application.")
          && !name.startsWith("logback.")) {
        moved.add(name);
      }
    });
    assertThat(moved).as("meters that moved while two people answered").isEmpty();
  }

  /** Every meter's measurements as name{tags} -> value. */
  private Map<String, Double> meterValues() {
    Map<String, Double> values = new java.util.TreeMap<>();
    for (Meter meter : meters.getMeters()) {
      for (Measurement m : meter.measure()) {
        values.put(meter.getId().getName() + meter.getId().getTags() + m.getStatistic(), m.getValue());
      }
    }
    return values;
  }

  private String periodKey(String period, String part) {
    return "rapport:{" + TEAM + "}:pulse:" + CHANNEL + ":period:" + period + ":" + part;
  }

  @Test
  void aMissingScoreIsShownInTheModalAndNothingIsRecorded() throws Exception {
    team(6);
    start();
    String period = nextPeriod();

    SlackRequests.Answer answer = answer("U002", period, 4, 4, 4, 0, "almost");

    assertThat(answer.json().path("response_action").asText()).isEqualTo("errors");
    assertThat(answer.json().path("errors").path(Question.BELONGING.blockId()).asText())
        .contains("pick a score from 1 to 5");
    assertThat(jedis.exists(periodKey(period, "sealed"))).isFalse();
    assertThat(modalText(answer("U002", period, 4, 4, 4, 4, null))).as("the person can still answer")
        .contains("Thank you");
  }

  @Test
  void theReminderGoesToEveryoneInvitedEvenWhenKHaveAnsweredSoRedisNeverRecordsWhoHad() throws Exception {
    List<String> people = team(10);
    start();
    String period = nextPeriod();
    awaitDms(10);
    List<String> answered = people.subList(0, 5);
    answered.forEach(user -> answer(user, period, 3, 3, 3, 3, null));

    remind();
    remind();

    awaitDms(20);
    await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> dms().size() == 20);
    List<FakeApi.Message> reminders = dms().stream().filter(m -> m.text().startsWith("Reminder")).toList();
    assertThat(reminders).extracting(FakeApi.Message::channel).as("once each, answered or not")
        .containsExactlyInAnyOrderElementsOf(people);
    assertThat(reminders).allSatisfy(m -> assertThat(buttonValue(m)).isEqualTo(CHANNEL + "|" + period));
  }

  @Test
  void withFewerThanKAnswersTheReminderGoesToEveryoneSoItSinglesOutNobody() throws Exception {
    List<String> people = team(10);
    start();
    String period = nextPeriod();
    awaitDms(10);
    answer("U004", period, 5, 5, 5, 5, null);

    remind();

    awaitDms(20);
    assertThat(dms().stream().filter(m -> m.text().startsWith("Reminder")).map(FakeApi.Message::channel))
        .containsExactlyInAnyOrderElementsOf(people);
    assertThat(dms().stream().filter(m -> m.text().startsWith("Reminder")).toList())
        .allSatisfy(m -> assertThat(m.blocks().toString()).contains("If you've already answered"));
  }

  @Test
  void noReminderGoesOutWhenEveryoneHasAnswered() throws Exception {
    List<String> people = team(5);
    start();
    String period = nextPeriod();
    awaitDms(5);
    people.forEach(user -> answer(user, period, 2, 2, 2, 2, null));

    remind();

    await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
        .untilAsserted(() -> assertThat(dms()).extracting(m -> m.channel() + ": " + m.text()).hasSize(5));
  }

  @Test
  void closeEndsThePeriodNowAndLaterAnswersAreRefused() throws Exception {
    team(6);
    start();
    String period = nextPeriod();
    answer("U002", period, 4, 4, 4, 4, null);

    String closed = close();
    SlackRequests.Answer late = answer("U003", period, 1, 1, 1, 1, null);
    String slash = requests.command(TEAM, "U003", CHANNEL, "/pulse", "").text();

    assertThat(closed).contains("is closed").contains("fewer than 5 answers").contains("next period opens");
    assertThat(modalText(late)).contains("closed before your answer arrived");
    assertThat(slash).contains("No pulse period is open");
    assertThat(jedis.hget(counts(period), "responses")).isEqualTo("1");
    assertThat(jedis.exists("rapport:{" + TEAM + "}:pulse:" + CHANNEL + ":period:" + period + ":voters"))
        .as("the voter set goes when the period closes").isFalse();
    assertThat(schedules.get(TEAM, ReminderJob.KIND, CHANNEL)).isEmpty();
  }

  @Test
  void stopRemovesTheScheduleAndClosesTheOpenPeriod() throws Exception {
    team(6);
    start();
    String period = nextPeriod();

    String stopped = requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "stop");

    assertThat(stopped).contains("Pulse stopped").contains("is closed");
    assertThat(schedules.get(TEAM, PeriodJob.KIND, CHANNEL)).isEmpty();
    assertThat(schedules.get(TEAM, ReminderJob.KIND, CHANNEL)).isEmpty();
    assertThat(modalText(answer("U002", period, 3, 3, 3, 3, null))).contains("closed");
    assertThat(requests.command(TEAM, "U002", CHANNEL, "/pulse", "").text()).contains("no pulse in this channel");
  }

  private static List<JsonNode> inputs(JsonNode view) {
    List<JsonNode> inputs = new ArrayList<>();
    view.path("blocks").forEach(b -> {
      if (b.path("type").asText().equals("input")) {
        inputs.add(b);
      }
    });
    return inputs;
  }
}
