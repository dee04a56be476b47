package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoffeePairingTest extends CoffeeAppTest {

  static final String CHANNEL = "C0COFFEE";

  List<String> members;

  @BeforeEach
  void nineMembersAndAnAdmin() {
    members = slack.workspace(TEAM).channel(CHANNEL, "U", 9);
    slack.workspace(TEAM).user(ADMIN).admin();
  }

  @Test
  void anAdminStartsAWeeklyProgramAndLearnsWhenTheFirstRoundIs() {
    SlackRequests.Answer answer = coffee(ADMIN, "start every week on mon at 10:00 tz Europe/Berlin");

    assertThat(answer.text()).contains("Coffee pairing is on in <#" + CHANNEL + ">")
        .contains("every week on Monday at 10:00 (Europe/Berlin), groups of 2").contains("First round: <!date^");
    Instant first = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow();
    assertThat(answer.text()).contains("<!date^" + first.getEpochSecond() + "^");
    assertThat(first.atZone(java.time.ZoneId.of("Europe/Berlin")).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
  }

  @Test
  void nonAdminsCannotStartStopRunOrSeeStatsAndNothingChanges() {
    for (String sub : List.of("start every day at 09:00", "stop", "now", "stats", "settings")) {
      assertThat(coffee("U002", sub).text()).as(sub).contains("Only Rapport admins");
    }
    assertThat(schedules.nextDue(TEAM, "pairing", CHANNEL)).isEmpty();
    assertThat(slack.calls("views.open")).isEmpty();
  }

  @Test
  void badTextGetsAFriendlyAnswerWithAnExample() {
    assertThat(coffee(ADMIN, "start every blursday at 10:00").text())
        .contains("`blursday` is not a day").contains("Example: `every week on mon at 10:00");
    assertThat(coffee(ADMIN, "start every day at 10:00 size 7").text()).contains("`size 2`, `size 3` or `size 4`");
    coffee(ADMIN, "start every day at 10:00");
    assertThat(coffee("U002", "pause 20w").text()).contains("1 to 12 weeks");
    assertThat(coffee("U002", "pause until yesterday").text()).contains("use YYYY-MM-DD");
    assertThat(coffee("U002", "avoid bob").text()).contains("mention them with @").contains("`bob`");
    assertThat(coffee("U002", "wibble").text()).contains("I don't know `/coffee wibble`").contains("/coffee status");
  }

  @Test
  void aRoundOfNineGivesThreePairsAndOneTrioEachWithOneGroupDmAndOneIntro() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");

    assertThat(coffee(ADMIN, "now").text()).contains("Starting a round");

    List<List<String>> groups = awaitIntros(4);
    assertThat(groups).extracting(List::size).containsExactlyInAnyOrder(2, 2, 2, 3);
    assertThat(groups.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(members);
    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.responded().isEmpty());
    assertThat(slack.responded().get(0).text()).contains("9 people in 4 groups");
    for (List<String> group : groups) {
      String dm = slack.api().groupDmOf(group);
      assertThat(slack.api().messages(dm)).hasSize(1);
      String intro = slack.api().messages(dm).get(0).blocks().toString();
      assertThat(intro).contains("Icebreaker").contains(IntroMessage.MET).contains(IntroMessage.NOT_MET);
      group.forEach(u -> assertThat(intro).contains("<@" + u + ">"));
    }
  }

  @Test
  void leavingPausingAndAvoidingAreRespectedInTheNextRound() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    assertThat(coffee("U002", "leave").text()).contains("You've left");
    assertThat(coffee("U003", "pause 2w").text()).contains("Paused in <#" + CHANNEL + "> until");
    assertThat(coffee("U004", "avoid <@U005|five>").text()).contains("you won't be paired with <@U005>");

    coffee(ADMIN, "now");

    List<List<String>> groups = awaitIntros(3);
    List<String> placed = groups.stream().flatMap(List::stream).toList();
    assertThat(placed).hasSize(7).doesNotContain("U002", "U003");
    assertThat(groups).noneMatch(g -> g.contains("U004") && g.contains("U005"));
  }

  @Test
  void answersAreRecordedAndShowInHistoryAndStats() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    coffee(ADMIN, "now");
    List<List<String>> groups = awaitIntros(4);
    await().atMost(Duration.ofSeconds(10)).until(() -> introsLanded() == 4);
    String metter = groups.get(0).get(0);
    String notMetter = groups.get(1).get(0);
    String outsider = groups.get(2).get(0);

    click(metter, IntroMessage.MET, groups.get(0), 0);
    click(notMetter, IntroMessage.NOT_MET, groups.get(1), 1);
    click(outsider, IntroMessage.MET, groups.get(0), 0);
    // In a pair "We met" counts for both; in the trio only for who said it.
    int metPeople = groups.get(0).size() == 2 ? 2 : 1;

    await().atMost(Duration.ofSeconds(10)).until(() -> slack.responded().size() >= 4);
    assertThat(slack.responded()).extracting(FakeSlack.Responded::text)
        .anyMatch(t -> t.contains("noted that you met")).anyMatch(t -> t.contains("There's always next round"))
        .anyMatch(t -> t.contains("Only the people in this group"));
    assertThat(coffee(metter, "history").text()).contains(":white_check_mark: met").contains("<#" + CHANNEL + ">");
    assertThat(coffee(notMetter, "history").text()).contains("didn't meet");
    assertThat(coffee(ADMIN, "stats").text())
        .contains("Rounds run: 1").contains("People in the pool (last round): 9").contains("Intros sent: 4")
        .contains("Meeting rate: " + Math.round(100.0 * metPeople / 9) + "% (" + metPeople
            + " of 9 people whose intro arrived met; 2 answered)")
        .contains("First meetings: 100%").contains("Delivery problems: none");
  }

  @Test
  void statusShowsProgramsNextRoundCurrentGroupAndPause() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    coffee(ADMIN, "now");
    List<List<String>> groups = awaitIntros(4);
    String me = groups.get(0).get(0);
    String partner = groups.get(0).get(1);
    coffee(me, "pause 3w");

    String status = requests.command(TEAM, me, "D0ME", "/coffee", "status").text();

    assertThat(status).contains("<#" + CHANNEL + ">").contains("Next round: <!date^")
        .contains("Your current group: <@" + partner + ">").contains("Paused until");
  }

  @Test
  void statusShowsTheGroupOfTheLatestRoundAndAnOlderOneWhenThatRoundIsGone() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    coffee(ADMIN, "now");
    String me = awaitIntros(4).get(0).get(0);
    awaitQuiet();
    String firstRound = lastRound(CHANNEL);
    List<String> before = groupOf(me, awaitIntros(4));
    coffee(ADMIN, "now");
    List<String> latest = groupOf(me, intros(CHANNEL, 4, 8).stream().map(Intro::members).toList());
    awaitQuiet();

    assertThat(currentGroup(me)).containsExactlyInAnyOrderElementsOf(partners(me, latest));
    assertThat(lastRound(CHANNEL)).isNotEqualTo(firstRound);
    jedis.del(RoundStore.key(TEAM, CHANNEL, lastRound(CHANNEL)));

    assertThat(currentGroup(me)).as("the latest round is gone").containsExactlyInAnyOrderElementsOf(
        partners(me, before));
  }

  /** Whom /coffee status names in the member's current group. */
  private List<String> currentGroup(String me) {
    String line = requests.command(TEAM, me, "D0ME", "/coffee", "status").text().lines()
        .filter(l -> l.contains("Your current group:")).findFirst().orElseThrow();
    return java.util.regex.Pattern.compile("<@(\\w+)>").matcher(line.substring(0, line.indexOf(" (since")))
        .results().map(m -> m.group(1)).toList();
  }

  private static List<String> groupOf(String user, List<List<String>> groups) {
    return groups.stream().filter(g -> g.contains(user)).findFirst().orElseThrow();
  }

  private static List<String> partners(String me, List<String> group) {
    return group.stream().filter(u -> !u.equals(me)).toList();
  }

  @Test
  void forgetMeRemovesThePersonFromEveryStoredRecord() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    coffee("U004", "avoid <@U006>");
    coffee("U007", "avoid <@U004>");
    coffee(ADMIN, "now");
    List<List<String>> groups = awaitIntros(4);
    await().atMost(Duration.ofSeconds(10)).until(() -> introsLanded() == 4);
    List<String> mine = groups.stream().filter(g -> g.contains("U004")).findFirst().orElseThrow();
    click("U004", IntroMessage.MET, mine, groups.indexOf(mine));
    coffee("U004", "pause 2w");
    assertThat(redisMentions("U004")).isNotEmpty();

    SlackRequests.Answer prompt = coffee("U004", "forget-me");
    assertThat(prompt.json().toString()).contains("pairing_forget").contains("can't be undone");
    requests.blockAction(TEAM, "U004", "D0U004", "pairing_forget", "forget");

    await().atMost(Duration.ofSeconds(10)).until(() -> slack.responded().stream().anyMatch(r -> r.text()
        .contains("Done.")));
    assertThat(redisMentions("U004")).isEmpty();
    String partner = mine.stream().filter(u -> !u.equals("U004")).findFirst().orElseThrow();
    assertThat(coffee(partner, "history").text()).doesNotContain("U004");
  }

  @Test
  void aPoolOfOneGetsAKindNoteInsteadOfSilence() {
    slack.workspace(TEAM).join("C0ALONE", ADMIN);
    requests.command(TEAM, ADMIN, "C0ALONE", "/coffee", "start every week on mon at 10:00 tz UTC");

    requests.command(TEAM, ADMIN, "C0ALONE", "/coffee", "now");

    String dm = slack.api().groupDmOf(List.of(ADMIN));
    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api().messages(dm).isEmpty());
    assertThat(slack.api().messages(dm).get(0).text()).contains("only one available");
  }

  @Test
  void someonePausedForGoingQuietIsToldWhyAndCanComeBack() {
    slack.workspace(TEAM).channel("C0QUIET", "Q", 4);
    requests.command(TEAM, ADMIN, "C0QUIET", "/coffee", "start every day at 10:00 tz UTC");
    Instant due = schedules.nextDue(TEAM, "pairing", "C0QUIET").orElseThrow();
    for (int round = 1; round <= 3; round++) {
      advanceTo(due);
      List<Intro> intros = intros("C0QUIET", 2 * (round - 1), 2 * round);
      awaitQuiet();
      int answered = slack.responded().size();
      for (Intro intro : intros) {
        // Everyone answers "not this time" but Q001, who ignores the check-in that asks them directly.
        intro.members().stream().filter(u -> !u.equals("Q001")).forEach(u -> click(u, intro, IntroMessage.NOT_MET));
      }
      await().atMost(WAIT).until(() -> slack.responded().size() >= answered + 3);
      advanceTo(due.plus(Duration.ofHours(13)));
      awaitQuiet();
      due = due.plus(Duration.ofDays(1));
    }
    advanceTo(due);
    awaitQuiet();

    var note = dms("Q001").stream().filter(m -> m.text().contains(":zzz:")).findFirst().orElseThrow();
    assertThat(note.text()).contains("haven't heard from you in your last 3 coffee rounds");
    assertThat(note.blocks().toString()).contains(Notes.BACK_IN);
    assertThat(requests.command(TEAM, "Q001", "D1", "/coffee", "status").text())
        .contains("Paused after a few rounds without a word from you");

    requests.blockAction(TEAM, "Q001", note.channel(), Notes.BACK_IN, "C0QUIET");

    await().atMost(Duration.ofSeconds(10)).until(() -> slack.responded().stream().anyMatch(r -> r.text()
        .contains("Welcome back")));
    assertThat(requests.command(TEAM, "Q001", "D1", "/coffee", "status").text()).contains("You're taking part");
  }

  @Test
  void aScheduledRoundRunsOnTimeAndEachSilentMemberIsAskedDirectlyMidCycle() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    Instant first = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow();

    clock.advance(Duration.between(Instant.now(), first).plusSeconds(1));
    List<List<String>> groups = awaitIntros(4);
    await().atMost(Duration.ofSeconds(10)).until(() -> introsLanded() == 4);
    click(groups.get(0).get(0), IntroMessage.MET, groups.get(0), 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.responded().isEmpty());

    clock.advance(Duration.ofHours(84).plusMinutes(1));

    // Group 0 said they met; everyone in the other groups is asked, each in their own DM, once.
    int asked = groups.subList(1, 4).stream().mapToInt(List::size).sum();
    await().atMost(Duration.ofSeconds(10)).until(() -> inGroupDms().size() == 4 + asked);
    for (int g = 0; g < 4; g++) {
      assertThat(slack.api().messages(slack.api().groupDmOf(groups.get(g)))).as("group %d", g).hasSize(1);
      for (String member : groups.get(g)) {
        List<String> others = groups.get(g).stream().filter(u -> !u.equals(member)).toList();
        assertThat(dms(member)).as(member).hasSize(g == 0 ? 0 : 1);
        if (g > 0) {
          assertThat(dms(member).get(0).text()).contains("get a chance to meet")
              .contains("<@" + others.get(0) + ">").doesNotContain("<@" + member + ">");
          assertThat(dms(member).get(0).blocks().toString()).contains(IntroMessage.MET).contains(IntroMessage.NOT_MET);
        }
      }
    }
  }

  // --- helpers

  private SlackRequests.Answer coffee(String user, String text) {
    return requests.command(TEAM, user, CHANNEL, "/coffee", text);
  }

  /** Waits for {@code count} intros and returns each one's group (from the DMs the fake opened). */
  private List<List<String>> awaitIntros(int count) {
    return intros(CHANNEL, 0, count).stream().map(Intro::members).toList();
  }

  /** Messages in group DMs (not the channel's announcements). */
  private List<FakeApi.Message> inGroupDms() {
    return slack.api().messages().stream().filter(m -> !m.channel().equals(CHANNEL)).toList();
  }

  private void click(String user, String action, List<String> group, int index) {
    requests.blockAction(TEAM, user, slack.api().groupDmOf(group), action,
        CHANNEL + "|" + lastRound(CHANNEL) + "|" + index);
  }

  private long introsLanded() {
    return introsLanded(CHANNEL);
  }

  /** Every Redis key or value (of any type) that contains {@code text}. */
  private List<String> redisMentions(String text) {
    return dev.rapport.testkit.RedisContents.mentions(jedis, text);
  }
}
