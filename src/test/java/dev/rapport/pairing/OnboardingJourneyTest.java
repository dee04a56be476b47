package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.Schedule;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Onboarding buddies end to end: a newcomer joining the channel (Slack's {@code member_joined_channel}) or added by
 * an admin gets a longer-standing buddy who isn't their manager, the buddy hears first, the journey's nudges come
 * once each at their time, and the newcomer joins the regular rounds only after it.
 */
class OnboardingJourneyTest extends CoffeeAppTest {

  static final String CHANNEL = "C0ONBOARD";
  static final String HIRE = "UNEW01";
  static final String MANAGER = "UBOSS1";
  static final String NEWER = "UNEWER";
  static final String BUDDY = "UVET01";

  @BeforeEach
  void aTeamWithHistory() {
    slack.workspace(TEAM).user(ADMIN).admin();
    slack.workspace(TEAM).join(CHANNEL, MANAGER, NEWER, BUDDY);
    slack.workspace(TEAM).user(MANAGER).startDate("2019-03-01");
    slack.workspace(TEAM).user(BUDDY).startDate("2021-06-01");
    // Joined the company after the new hire did (their start date is later), so can't show them around.
    slack.workspace(TEAM).user(NEWER).startDate("2026-11-28");
    slack.workspace(TEAM).user(HIRE).startDate("2026-11-25").field("Manager", MANAGER);
  }

  @Test
  void aNewcomerGetsALongerStandingBuddyWhoIsNotTheirManagerAndTheBuddyHearsFirst() {
    assertThat(coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC type onboarding "
        + "managers field \"Manager\"").text()).contains("Onboarding buddies").contains("own manager");

    joins(HIRE);

    String pair = slack.api().groupDmOf(List.of(HIRE, BUDDY));
    await().atMost(WAIT).until(() -> !slack.api().messages(pair).isEmpty());
    List<FakeApi.Message> all = slack.api().messages();
    FakeApi.Message buddyDm = dms(BUDDY).get(0);
    FakeApi.Message intro = slack.api().messages(pair).get(0);
    assertThat(buddyDm.text()).contains("onboarding buddy of <@" + HIRE + ">");
    assertThat(all.indexOf(buddyDm)).as("the buddy hears first").isLessThan(all.indexOf(intro));
    assertThat(intro.text()).contains("Welcome, <@" + HIRE + ">").contains("<@" + BUDDY + ">");
    assertThat(intro.blocks().toString()).contains("Icebreaker").contains("calendar.google.com")
        .contains("day 1, week 1 and week 4");
    awaitQuiet();
    assertThat(dms(MANAGER)).isEmpty();
    assertThat(dms(NEWER)).isEmpty();
    assertThat(slack.api().messages(pair)).hasSize(1);
  }

  @Test
  void eachNudgeComesOnceAtItsTimeAndTheNewHireJoinsTheRoundsOnlyAfterTheJourney() {
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC type onboarding journey day 1, week 2 "
        + "managers field Manager");
    Instant start = clock.instant();
    joins(HIRE);
    String pair = slack.api().groupDmOf(List.of(HIRE, BUDDY));
    await().atMost(WAIT).until(() -> slack.api().messages(pair).size() == 1);

    roundNow();
    assertThat(introMessages(CHANNEL).stream().map(m -> slack.api().groupDmMembers(m.channel())))
        .as("no round before the journey is over").noneMatch(members -> members.contains(HIRE));

    advanceTo(start.plus(Duration.ofDays(1)));
    awaitQuiet();
    awaitQuiet();
    assertThat(nudges(pair)).hasSize(1).allMatch(m -> m.text().contains("Day 1 check-in"));

    advanceTo(start.plus(Duration.ofDays(14)));
    awaitQuiet();
    assertThat(nudges(pair)).hasSize(2);
    assertThat(nudges(pair).get(1).blocks().toString()).contains("last nudge").contains("regular coffee rounds");
    assertThat(introMessages(CHANNEL).stream().map(m -> slack.api().groupDmMembers(m.channel())))
        .as("the weekly rounds meanwhile").noneMatch(members -> members.contains(HIRE));

    roundNow();
    await().atMost(WAIT).until(() -> introMessages(CHANNEL).stream()
        .anyMatch(m -> slack.api().groupDmMembers(m.channel()).contains(HIRE)));
    awaitQuiet();
    assertThat(nudges(pair)).as("each nudge once").hasSize(2);
  }

  @Test
  void anAdminAddsANewHireWithAStartDateAndTheJourneyBeginsThatDay() {
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC type onboarding buddies channel "
        + "managers field \u201cManager\u201d");
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(7);

    String answer = coffee(ADMIN, CHANNEL, "onboard <@" + HIRE + "> starting " + day).text();

    Instant begins = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    assertThat(answer).contains("<@" + HIRE + ">").contains("<!date^" + begins.getEpochSecond() + "^");
    awaitQuiet();
    assertThat(dms(BUDDY)).as("nothing before the start date").isEmpty();
    advanceTo(begins);
    await().atMost(WAIT).until(() -> !slack.api().messages(slack.api().groupDmOf(List.of(HIRE, BUDDY))).isEmpty());
    assertThat(dms(BUDDY)).hasSize(1);
    assertThat(coffee(ADMIN, CHANNEL, "onboard <@" + HIRE + ">").text()).contains("already had");
  }

  @Test
  void adminMistakesGetFriendlyAnswersWithExamples() {
    assertThat(coffee(ADMIN, CHANNEL, "onboard <@" + HIRE + ">").text()).contains("no coffee pairing")
        .contains("type onboarding");
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC");
    assertThat(coffee(ADMIN, CHANNEL, "onboard <@" + HIRE + ">").text()).contains("type onboarding");
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC type onboarding");
    assertThat(coffee(ADMIN, CHANNEL, "onboard <@" + HIRE + "> starting next tuesday").text())
        .contains("year-month-day").contains("2026-12-07");
    assertThat(coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC type onboarding buddies @nobody")
        .text()).contains("can't find a user group").contains("buddies @mentors");
    assertThat(coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC type onboarding journey month 2")
        .text()).contains("`day N` or `week N`").contains("day 1, week 1, week 4");
  }

  @Test
  void buddiesComeFromTheUserGroupAndNobodyAvailableTellsTheAdmin() {
    slack.workspace(TEAM).namedUserGroup("S0MENTORS", "mentors", NEWER);
    assertThat(coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC type onboarding "
        + "buddies <!subteam^S0MENTORS|@mentors>").text()).contains("mentors").contains("buddy");

    joins(HIRE);

    await().atMost(WAIT).until(() -> dms(ADMIN).stream().anyMatch(m -> m.text().contains("nobody in the buddy pool")
        && m.text().contains("rounds from the next one")));
    awaitQuiet();
    assertThat(dms(NEWER)).as("the only mentor started after the new hire").isEmpty();
    assertThat(dms(HIRE)).isEmpty();
    roundNow();
    await().atMost(WAIT).until(() -> introMessages(CHANNEL).stream()
        .anyMatch(m -> slack.api().groupDmMembers(m.channel()).contains(HIRE)));
  }

  @Test
  void theNewHiresManagerIsNeverTheirBuddyEvenAsTheOnlyOneInThePool() {
    slack.workspace(TEAM).namedUserGroup("S0LEADS", "leads", MANAGER);
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC type onboarding buddies @leads "
        + "managers field \"Manager\"");

    joins(HIRE);

    await().atMost(WAIT).until(() -> dms(ADMIN).stream().anyMatch(m -> m.text().contains("nobody in the buddy pool")));
    awaitQuiet();
    assertThat(dms(MANAGER)).isEmpty();
    assertThat(slack.api().messages(slack.api().groupDmOf(List.of(HIRE, MANAGER)))).isEmpty();
  }

  @Autowired
  JourneySteps steps;

  @Test
  void aFirstStepClaimedBeforeItsJourneyIsWrittenIsTriedAgainAndOneNeverWrittenIsDropped() {
    String target = new JourneyRef(CHANNEL, "jnotwrittenyet", 0).encode();
    Instant now = clock.instant();
    Occurrence justDue = new Occurrence("o1", new Schedule(TEAM, Journeys.KIND, target, null, now, Map.of()), now);
    Instant old = now.minus(JourneySteps.RECORDING).minusSeconds(1);
    Occurrence longDue = new Occurrence("o2", new Schedule(TEAM, Journeys.KIND, target, null, old, Map.of()), old);

    // Failing makes the scheduler run the same occurrence again after its retry delay, by then written.
    assertThatThrownBy(() -> steps.run(justDue)).hasMessageContaining("not recorded yet");
    assertThatCode(() -> steps.run(longDue)).as("a crash right after booking: nothing to do")
        .doesNotThrowAnyException();
  }

  @Test
  void theSettingsFormTurnsOnOnboardingWithItsJourneyBuddiesAndManagerField() {
    slack.workspace(TEAM).namedUserGroup("S0MENTORS", "mentors", BUDDY);
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC");
    coffee(ADMIN, CHANNEL, "settings");
    await().atMost(WAIT).until(() -> !slack.api().views().isEmpty());
    ObjectNode sent = CoffeeSettingsTest.asSubmitted(slack.api().views().get(0).view());
    sent.with("options").with("options").withArray("selected_options").addObject()
        .put("value", SettingsModal.ONBOARDING).putObject("text").put("type", "plain_text").put("text", "x");
    sent.with("journey").with("journey").put("value", "month 1");
    assertThat(requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, sent).json()
        .path("errors").path("journey").asText()).contains("day 1, week 1, week 4");

    sent.with("journey").with("journey").put("value", "day 2, week 3");
    sent.with("buddies").with("buddies").put("value", "@mentors");
    sent.with("manager_field").with("manager_field").put("value", "Manager");
    requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, sent);

    await().atMost(WAIT).until(() -> !slack.calls("views.update").isEmpty());
    assertThat(slack.calls("views.update").get(0).json("view").toString()).contains("Onboarding buddies")
        .contains("mentors").contains("day 2 and week 3").contains("own manager");
    int views = slack.api().views().size();
    coffee(ADMIN, CHANNEL, "settings");
    await().atMost(WAIT).until(() -> slack.api().views().size() > views);
    String reopened = slack.api().views().get(views).view().toString();
    assertThat(reopened).contains("\"initial_value\":\"day 2, week 3\"").contains("\"initial_value\":\"@mentors\"")
        .contains("\"initial_value\":\"Manager\"");
  }

  @Test
  void aNewHireForgottenWhileTheirBuddyIsPickedIsNotWelcomedAndTheirJourneyIsNotWritten() {
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC type onboarding managers field \"Manager\"");

    joinsAndIsForgottenWhileTheBuddyIsPicked();

    assertThat(dms(BUDDY)).as("no welcome for someone who asked to be forgotten").isEmpty();
    assertNothingNamesTheHire();
  }

  @Test
  void aNewHireForgottenWhileNobodyCouldBeTheirBuddyIsNotNamedToTheAdmins() {
    // The only one in the pool is their manager.
    slack.workspace(TEAM).namedUserGroup("S0LEADS", "leads", MANAGER);
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC type onboarding buddies @leads "
        + "managers field \"Manager\"");

    joinsAndIsForgottenWhileTheBuddyIsPicked();

    assertThat(dms(ADMIN)).as("no note naming someone who asked to be forgotten")
        .noneMatch(m -> m.text().contains(HIRE));
    assertNothingNamesTheHire();
  }

  /** The new hire joins, and asks to be forgotten while the pick waits on Slack for their manager field. */
  private void joinsAndIsForgottenWhileTheBuddyIsPicked() {
    slack.delay("users.profile.get", 30_000);
    joins(HIRE);
    // The buddy is being picked: the check that nobody buddies their own manager waits on Slack.
    await().atMost(WAIT).until(() -> !slack.calls("users.profile.get").isEmpty());

    requests.blockAction(TEAM, HIRE, "D" + HIRE, "pairing_forget", "forget");
    await().atMost(WAIT).until(() -> slack.responded().stream().anyMatch(r -> r.text().contains("Done.")));
    slack.releaseDelays();
    awaitQuiet();
  }

  /**
   * The pick's profile read, answered after the erasure, is cached as any later read of them would be (they are
   * still in the channel); no journey, nudge or delivery names them.
   */
  private void assertNothingNamesTheHire() {
    assertThat(dev.rapport.testkit.RedisContents.mentions(jedis, HIRE))
        .noneMatch(found -> !found.contains(":people:fields:") && !found.contains(":people:profile:"));
  }

  private void joins(String user) {
    slack.workspace(TEAM).join(CHANNEL, user);
    assertThat(requests.event(TEAM, SlackRequests.newEventId(), "MemberJoinedChannelPayload", Map.of(
        "type", "member_joined_channel", "user", user, "channel", CHANNEL, "channel_type", "C", "team", TEAM,
        "inviter", ADMIN, "event_ts", clock.instant().getEpochSecond() + ".000100")).status()).isEqualTo(200);
  }

  private List<FakeApi.Message> nudges(String pair) {
    return slack.api().messages(pair).stream().filter(m -> m.text().startsWith(":seedling:")).toList();
  }

  private void roundNow() {
    SlackRequests.Ack ack = requests.commandAck(TEAM, ADMIN, CHANNEL, "/coffee", "now");
    requests.awaitResponse(ack.responseId());
    awaitQuiet();
  }
}
