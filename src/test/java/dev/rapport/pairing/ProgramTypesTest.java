package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeWorkspace;
import dev.rapport.store.Keys;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Program types end to end, through /slack/events and the fake Slack: cross-group (user groups, a profile field,
 * two channels), leader roulette, by office, onboarding; who was grouped with whom, what the intros said, and the
 * admin's errors.
 */
class ProgramTypesTest extends CoffeeAppTest {

  static final String CHANNEL = "C0PROGRAM";
  static final String START = "start every week on mon at 10:00 tz UTC type ";
  static final String MENTORS = "<!subteam^S0MENTORS|@mentors>";
  static final String MENTEES = "<!subteam^S0MENTEES|@mentees>";

  FakeWorkspace workspace;

  @BeforeEach
  void sevenMembersAndAnAdmin() {
    workspace = slack.workspace(TEAM);
    workspace.channel(CHANNEL, "U", 7);
    workspace.user(ADMIN).admin();
  }

  /** The admin's command in the program's channel; its answer's text. */
  String admin(String text) {
    return coffee(ADMIN, CHANNEL, text).text();
  }

  @Test
  void crossGroupsFromUserGroupsPairEachMentorWithAMenteeAndTheMenteesTakeTurns() {
    workspace.namedUserGroup("S0MENTORS", "mentors", "U002", "U003");
    workspace.namedUserGroup("S0MENTEES", "mentees", "U004", "U005", "U006", "U007");

    assertThat(admin(START + "cross " + MENTORS + " " + MENTEES))
        .contains("Coffee pairing is on").contains("pairs").contains("cross-group: @\u2060mentors meet "
            + "@\u2060mentees");
    awaitQuiet();
    assertThat(slack.api().messages(CHANNEL)).as("the start announcement names the groups without pinging them")
        .anyMatch(m -> m.text().contains("Coffee pairing is starting") && m.text().contains("@\u2060mentors"))
        .noneMatch(m -> m.text().contains("<!subteam^"));
    Set<String> menteesMet = new HashSet<>();
    for (int round = 0; round < 2; round++) {
      admin("now");
      List<Intro> intros = intros(CHANNEL, 2 * round, 2 * round + 2);
      for (Intro intro : intros) {
        assertThat(intro.members()).hasSize(2).containsAnyOf("U002", "U003").containsAnyOf("U004", "U005", "U006",
            "U007");
        intro.members().stream().filter(u -> u.compareTo("U004") >= 0).forEach(menteesMet::add);
      }
      awaitQuiet();
    }
    assertThat(menteesMet).as("the mentees who waited in round 1 go in round 2")
        .containsExactlyInAnyOrder("U004", "U005", "U006", "U007");
    assertThat(introMessages(CHANNEL)).noneMatch(m -> slack.api().groupDmMembers(m.channel()).contains(ADMIN));
  }

  @Test
  void crossGroupsFromAProfileFieldPairSalesWithEngineering() {
    for (String u : List.of("U002", "U003")) {
      workspace.user(u).field("Team", "Sales");
    }
    for (String u : List.of("U004", "U005", "U006")) {
      workspace.user(u).field("Team", "Engineering");
    }

    assertThat(admin(START + "cross field Team Sales Engineering")).contains("Team “Sales” meet Team "
        + "“Engineering”");
    admin("now");

    List<Intro> intros = intros(CHANNEL, 0, 2);
    assertThat(intros).allSatisfy(i -> assertThat(i.members()).hasSize(2).containsAnyOf("U002", "U003")
        .containsAnyOf("U004", "U005", "U006"));
  }

  @Test
  void crossGroupsFromTwoChannelsPairTheirMembersAcross() {
    workspace.join("C0SALES", "U002", "U003", "U004");
    workspace.join("C0ENGINEERING", "U005", "U006", "U007");

    assertThat(admin(START + "cross <#C0SALES|sales> <#C0ENGINEERING|engineering>"))
        .contains("cross-group: <#C0SALES> meet <#C0ENGINEERING>");
    admin("now");

    assertThat(intros(CHANNEL, 0, 3)).allSatisfy(i -> assertThat(i.members()).hasSize(2)
        .containsAnyOf("U002", "U003", "U004").containsAnyOf("U005", "U006", "U007"));
  }

  @Test
  void aLeaderMeetsTwoPeopleTheyHaveNotMetEachRoundAndNobodyElseIsPaired() {
    assertThat(admin(START + "leader <@U002|ceo> meets 2"))
        .contains("leader roulette: <@U002> meets 2 people each round");
    Set<String> guests = new HashSet<>();
    for (int round = 0; round < 3; round++) {
      admin("now");
      List<Intro> intros = intros(CHANNEL, round, round + 1);
      assertThat(intros.get(0).members()).hasSize(3).contains("U002");
      intros.get(0).members().stream().filter(u -> !u.equals("U002")).forEach(u ->
          assertThat(guests.add(u)).as("%s met the host before", u).isTrue());
      awaitQuiet();
      assertThat(introMessages(CHANNEL)).as("one group a round").hasSize(round + 1);
    }
    assertThat(guests).hasSize(6);

    coffee("U002", CHANNEL, "pause 2w");
    admin("now");
    awaitQuiet();
    // The admin's answer goes to the response URL after the round, outside what awaitQuiet waits for.
    await().atMost(WAIT).until(() -> !responded("No groups this round").isEmpty());
    assertThat(responded("No groups this round")).as("the host is paused: nobody is grouped, and the admin hears why")
        .singleElement().satisfies(text -> assertThat(text).contains("leader roulette's host"));
    assertThat(introMessages(CHANNEL)).hasSize(3);
  }

  @Test
  void officeRoundsMeetInPersonWhereTheyCanAndByVideoOtherwiseAndTheIntroSaysWhy() {
    for (String u : List.of("U001", "U002", "U003", "U004")) {
      workspace.user(u).field("Office", "Berlin");
    }
    workspace.user("U005").field("Office", "Dublin");

    assertThat(admin(START + "office field Office mode in-person")).contains("by office");
    admin("now");

    List<Intro> intros = intros(CHANNEL, 0, 3);
    for (Intro intro : intros) {
      FakeApi.Message message = slack.api().messages(intro.dm()).get(0);
      if (intro.members().stream().allMatch(u -> u.compareTo("U004") <= 0)) {
        assertThat(message.text()).contains("*In person* at Berlin: you all work there.");
      } else {
        assertThat(intro.members()).containsExactlyInAnyOrder("U005", "U006", "U007");
        assertThat(message.text()).contains("*By video*").contains("not everyone's office is known");
        assertThat(message.blocks().toString()).contains("*By video*");
      }
    }
    Intro first = intros.get(0);
    awaitQuiet();
    click(first.members().get(0), first, IntroMessage.MET);
    await().atMost(WAIT).until(() -> !slack.calls("chat.update").isEmpty());
    assertThat(slack.calls("chat.update").get(0).params().toString()).as("the redrawn intro keeps where and why")
        .containsAnyOf("*In person* at Berlin", "*By video*");
  }

  @Test
  void aRoundByProfileFieldWaitsOutSlacksRateLimitOnTheFieldsInsteadOfFailing() {
    List<String> everyone = List.of("U001", "U002", "U003", "U004", "U005", "U006", "U007");
    everyone.forEach(u -> workspace.user(u).field("Office", "Berlin"));
    assertThat(admin(START + "office field Office mode in-person")).contains("by office");
    // The fields read while saving have left the cache by the next round, which reads them again: past ~100
    // people a minute, Slack answers 429 with Retry-After.
    everyone.forEach(u -> jedis.del(Keys.team(TEAM, "people", "fields", u)));
    slack.rateLimitNext("users.profile.get", 1, 1);

    admin("now");

    assertThat(intros(CHANNEL, 0, 1)).allSatisfy(intro -> assertThat(slack.api().messages(intro.dm()).get(0).text())
        .contains("*In person* at Berlin"));
  }

  @Test
  void inHybridModeWhoHasMetEveryoneInTheirOfficeMeetsOtherOfficesByVideo() {
    workspace.user("U001").field("Office", "Berlin");
    workspace.user("U002").field("Office", "Berlin");
    workspace.user("U003").field("Office", "Dublin");
    workspace.user("U004").field("Office", "Dublin");
    workspace.leave(CHANNEL, "U005");
    workspace.leave(CHANNEL, "U006");
    workspace.leave(CHANNEL, "U007");

    admin(START + "office field Office mode hybrid");
    admin("now");
    assertThat(intros(CHANNEL, 0, 2)).allSatisfy(i -> assertThat(slack.api().messages(i.dm()).get(0).text())
        .containsAnyOf("*In person* at Berlin", "*In person* at Dublin"));
    awaitQuiet();

    admin("now");
    assertThat(intros(CHANNEL, 2, 4)).allSatisfy(i -> {
      assertThat(i.members()).as("Berlin meets Dublin").containsAnyOf("U001", "U002").containsAnyOf("U003", "U004");
      assertThat(slack.api().messages(i.dm()).get(0).text()).contains("*By video*: you work in different offices "
          + "(Berlin, Dublin) and there was nobody new left to meet in person this round.");
    });
  }

  @Test
  void officesFromUserGroupsMeetInPersonPerGroupAndAVirtualProgramMeetsByVideo() {
    workspace.namedUserGroup("S0BERLIN", "berlin", "U001", "U002", "U003", "U004");
    workspace.namedUserGroup("S0DUBLIN", "dublin", "U005", "U006", "U007");

    assertThat(admin(START + "office <!subteam^S0BERLIN|@berlin> <!subteam^S0DUBLIN|@dublin>"))
        .contains("by office (@\u2060berlin, @\u2060dublin), in person");
    admin("now");
    List<Intro> inPerson = intros(CHANNEL, 0, 3);
    assertThat(inPerson).allSatisfy(i -> assertThat(slack.api().messages(i.dm()).get(0).text())
        .containsAnyOf("*In person* at berlin", "*In person* at dublin"));
    awaitQuiet();

    admin(START + "office <!subteam^S0BERLIN|@berlin> <!subteam^S0DUBLIN|@dublin> mode virtual");
    admin("now");
    assertThat(intros(CHANNEL, 3, 6)).allSatisfy(i -> assertThat(slack.api().messages(i.dm()).get(0).text())
        .contains("*By video*: this program meets by video."));
  }

  @Test
  void onboardingIsStoredAndItsRoundsAreRandomGroupsForNow() {
    assertThat(admin(START + "onboarding")).contains("onboarding");
    assertThat(jedis.hget("rapport:{" + TEAM + "}:pairing:" + CHANNEL + ":program", "type")).isEqualTo("onboarding");
    admin("now");

    assertThat(intros(CHANNEL, 0, 3).stream().flatMap(i -> i.members().stream()))
        .containsExactlyInAnyOrder("U001", "U002", "U003", "U004", "U005", "U006", "U007");
  }

  @Test
  void theSettingsFormSetsTheTypeWithUserGroupsTypedByHandle() {
    workspace.namedUserGroup("S0MENTORS", "mentors", "U002", "U003");
    workspace.namedUserGroup("S0MENTEES", "mentees", "U004", "U005");
    requests.commandAck(TEAM, ADMIN, CHANNEL, "/coffee", "settings");
    await().atMost(WAIT).until(() -> !slack.api().views().isEmpty());
    ObjectNode sent = CoffeeSettingsTest.asSubmitted(slack.api().views().get(0).view());
    sent.with(SettingsModal.TYPE).with(SettingsModal.TYPE).put("value", "cross @mentors @mentees");

    requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, sent);

    await().atMost(WAIT).until(() -> !slack.calls("views.update").isEmpty());
    assertThat(slack.calls("views.update").get(0).json("view").toString())
        .contains("cross-group: @\u2060mentors meet @\u2060mentees");
    assertThat(jedis.hget("rapport:{" + TEAM + "}:pairing:" + CHANNEL + ":program", "type"))
        .isEqualTo("cross <!subteam^S0MENTORS|@mentors> <!subteam^S0MENTEES|@mentees>");
  }

  @Test
  void aTypeWordTheFormCannotReadComesBackNextToTheField() {
    requests.commandAck(TEAM, ADMIN, CHANNEL, "/coffee", "settings");
    await().atMost(WAIT).until(() -> !slack.api().views().isEmpty());
    ObjectNode sent = CoffeeSettingsTest.asSubmitted(slack.api().views().get(0).view());
    sent.with(SettingsModal.TYPE).with(SettingsModal.TYPE).put("value", "lottery");

    SlackRequests.Answer answer = requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, sent);

    assertThat(answer.json().path("response_action").asText()).isEqualTo("errors");
    assertThat(answer.json().path("errors").path(SettingsModal.TYPE).asText())
        .contains("I don't know the program type `lottery`");
  }

  @Test
  void aScheduledRoundWhoseUserGroupWasDeletedTellsTheAdminOnceAndTheNextRoundTriesAgain() {
    workspace.namedUserGroup("S0MENTORS", "mentors", "U002", "U003");
    workspace.namedUserGroup("S0MENTEES", "mentees", "U004", "U005");
    admin(START + "cross " + MENTORS + " " + MENTEES);
    workspace.deleteUserGroup("S0MENTEES");
    Instant due = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow();

    advanceTo(due);
    awaitQuiet();
    advanceTo(clock.instant().plus(Duration.ofHours(1))); // past any retry of the same round
    awaitQuiet();

    assertThat(dms(ADMIN)).filteredOn(m -> m.text().contains("I can't find the user group @\u2060mentees"))
        .as("the admin hears what stopped the round, once").hasSize(1);
    assertThat(introMessages(CHANNEL)).isEmpty();
    assertThat(schedules.nextDue(TEAM, "pairing", CHANNEL)).as("the next round is booked")
        .hasValueSatisfying(next -> assertThat(next).isAfter(due.plus(Duration.ofDays(6))));
  }

  @Test
  void adminMistakesGetAFriendlyAnswerNamingWhatWasWrongWithAnExample() {
    workspace.namedUserGroup("S0EMPTY", "empty");
    workspace.namedUserGroup("S0MENTORS", "mentors", "U002");
    workspace.join("C0ELSEWHERE", "U099");

    assertThat(admin(START + "lottery")).contains("I don't know the program type `lottery`")
        .contains("Example: `/coffee start");
    assertThat(admin(START + "cross " + MENTORS + " <!subteam^S0GONE|@gone>"))
        .contains("I can't find the user group @\u2060gone").contains("Example: `/coffee start");
    assertThat(admin(START + "cross " + MENTORS + " <!subteam^S0EMPTY|@empty>"))
        .contains("The side @\u2060empty is empty").contains("Example: `/coffee start");
    assertThat(admin(START + "leader <@U099|someone>")).contains("<@U099> isn't in <#" + CHANNEL + ">")
        .contains("Example: `/coffee start every week on mon at 10:00 type leader @ceo meets 2`");
    assertThat(admin(START + "leader ceo")).contains("mentioned with @").contains("`ceo`");
    assertThat(admin("start every week on mon at 10:00 size 3 type cross " + MENTORS + " " + MENTEES))
        .contains("Cross-group programs make pairs");
    assertThat(admin(START + "office <!subteam^S0GONE|@gone>"))
        .contains("I can't find the user group @\u2060gone").as("an office example, not a cross one")
        .contains("Example: `/coffee start every week on mon at 10:00 type office @berlin @dublin");
    assertThat(admin(START + "office field Office mode sideways")).contains("I don't know the mode `sideways`");
    workspace.user("U002").field("Team", "Sales");
    assertThat(admin(START + "cross field Team Sales Engineering")).contains("The side Team “Engineering” is empty: "
        + "nobody in <#" + CHANNEL + "> has Team set to “Engineering”").contains("Example: `/coffee start");
    assertThat(admin(START + "office field Desk")).contains("Nobody in <#" + CHANNEL + "> has Desk filled in")
        .contains("Example: `/coffee start");
    assertThat(jedis.exists("rapport:{" + TEAM + "}:pairing:" + CHANNEL + ":program")).as("nothing saved").isFalse();
  }
}
