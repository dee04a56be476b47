package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Personal commands anywhere, and the words and states people read. */
class CoffeeMemberCommandsTest extends CoffeeAppTest {

  static final String DESIGN = "C0DESIGN";
  static final String LUNCH = "C0LUNCH";
  static final String ME = "U0ME";
  static final String DM = "D0ME";

  @BeforeEach
  void twoProgramsIAmIn() {
    slack.workspace(TEAM).user(ADMIN).admin();
    slack.workspace(TEAM).channel(DESIGN, "UD", 3);
    slack.workspace(TEAM).channel(LUNCH, "UL", 3);
    slack.workspace(TEAM).join(DESIGN, ME);
    slack.workspace(TEAM).join(LUNCH, ME);
    coffee(ADMIN, DESIGN, "start every week on mon at 10:00 tz UTC");
    coffee(ADMIN, LUNCH, "start every week on tue at 10:00 tz UTC");
    // The programs learn their members right after they start.
    await().atMost(WAIT).until(() -> coffee(ME, DM, "status").text().contains("<#" + LUNCH + ">")
        && coffee(ME, DM, "status").text().contains("<#" + DESIGN + ">"));
  }

  @Test
  void pauseAndResumeInADmActOnAllMyPrograms() {
    String paused = coffee(ME, DM, "pause 2w").text();

    assertThat(paused).contains("<#" + DESIGN + ">").contains("<#" + LUNCH + ">").contains(":pause_button:");
    assertThat(coffee(ME, DM, "status").text().split("Paused until", -1)).hasSize(3);

    String resumed = coffee(ME, DM, "resume").text();

    assertThat(resumed).contains("<#" + DESIGN + ">").contains("<#" + LUNCH + ">");
    assertThat(coffee(ME, DM, "status").text()).doesNotContain("Paused until");
  }

  @Test
  void leaveInADmOffersAChoiceAndLeavesOnlyWhatIPick() {
    var answer = coffee(ME, DM, "leave");

    List<String> choices = buttonValues(answer.json().path("blocks"), "pairing_leave");
    assertThat(choices).contains(DESIGN, LUNCH);
    requests.blockAction(TEAM, ME, DM, "pairing_leave", LUNCH);
    await().atMost(WAIT).until(() -> !responded("You've left").isEmpty());
    assertThat(responded("You've left").get(0)).contains("<#" + LUNCH + ">");
    String status = coffee(ME, DM, "status").text();
    assertThat(status.substring(status.indexOf("<#" + LUNCH + ">"))).contains("You left this program");
    assertThat(status.substring(status.indexOf("<#" + DESIGN + ">"), status.indexOf("<#" + LUNCH + ">")))
        .contains("You're taking part");
  }

  @Test
  void avoidAloneListsMyPrivateList() {
    assertThat(coffee(ME, DM, "avoid").text()).contains("do-not-pair list is empty");
    coffee(ME, DM, "avoid <@UD001>");
    coffee(ME, DM, "avoid <@UL002>");

    assertThat(coffee(ME, DM, "avoid").text()).contains("<@UD001>").contains("<@UL002>").contains("only you");
  }

  @Test
  void theBotItselfAndOtherBotsCannotBeAvoided() {
    slack.workspace(TEAM).user("UBOT" + TEAM).bot();
    slack.workspace(TEAM).user("U0HELPER").bot();

    assertThat(coffee(ME, DM, "avoid <@UBOT" + TEAM + ">").text()).contains("bot").doesNotContain("Noted");
    assertThat(coffee(ME, DM, "avoid <@U0HELPER>").text()).contains("bot").doesNotContain("Noted");
    assertThat(coffee(ME, DM, "avoid").text()).contains("empty");
  }

  @Test
  void resumingWhenNotPausedSaysSoInsteadOfWelcomingBack() {
    assertThat(coffee(ME, DESIGN, "resume").text()).doesNotContain("Welcome back").contains("not paused");
  }

  @Test
  void statsBeforeAnyRoundSayThereAreNoGroupsYet() {
    assertThat(coffee(ADMIN, DESIGN, "stats").text()).doesNotContain("– of groups").doesNotContain("–")
        .contains("First meetings: no groups yet");
  }

  @Test
  void stoppingTwiceSaysItIsAlreadyOff() {
    assertThat(coffee(ADMIN, LUNCH, "stop").text()).contains("Coffee pairing is off");
    assertThat(coffee(ADMIN, LUNCH, "stop").text()).doesNotContain("has no coffee pairing yet").contains("already off");
  }

  @Test
  void statusFollowsProgramsStoppedAndStartedSinceItLastAnswered() {
    String books = "C0BOOKS";
    slack.workspace(TEAM).channel(books, "UB", 3);
    slack.workspace(TEAM).join(books, ME);

    coffee(ADMIN, LUNCH, "stop");
    String afterStop = coffee(ME, DM, "status").text();
    coffee(ADMIN, books, "start every week on wed at 10:00 tz UTC");
    // The program learns its members right after it starts; waited for in Redis, not by asking for the status
    // again and again: each answer would teach the status the new program, and the first one after is the test.
    await().atMost(WAIT).until(() -> jedis.sismember(ProgramStore.key(TEAM, books, "members"), ME));
    String afterStart = coffee(ME, DM, "status").text();

    assertThat(afterStop).contains("<#" + DESIGN + ">").doesNotContain("<#" + LUNCH + ">");
    assertThat(afterStart).contains("<#" + DESIGN + ">").contains("<#" + books + ">")
        .doesNotContain("<#" + LUNCH + ">");
    assertThat(afterStart.indexOf("<#" + books + ">")).as("in channel order").isLessThan(
        afterStart.indexOf("<#" + DESIGN + ">"));
  }

  @Test
  void aHistoryOfOneGroupSaysGroupNotGroups() {
    coffee(ADMIN, DESIGN, "now");
    intros(DESIGN, 0, 1);
    String history = coffee(ME, DM, "history").text();
    assertThat(history).doesNotContain("1 coffee groups").contains("Your last coffee group*");
  }

  @Test
  void refusalsSayWhoCanHelpNotAnEnvironmentVariable() {
    for (String command : List.of("/coffee stop", "/empathy start every day at 09:00", "/pulse close")) {
      String[] parts = command.split(" ", 2);
      String text = requests.command(TEAM, ME, DESIGN, parts[0], parts[1]).text();
      assertThat(text).as(command).contains("ask a Rapport admin").contains("workspace admins")
          .doesNotContain("RAPPORT_ADMINS");
    }
  }

  @Test
  void helpListsEverydayCommandsBeforeAdminOnes() {
    for (String command : List.of("/coffee", "/empathy", "/pulse")) {
      String help = requests.command(TEAM, ME, DESIGN, command, "help").text();
      List<String> lines = help.lines().filter(l -> l.startsWith("• `")).toList();
      int firstAdmin = lines.indexOf(lines.stream().filter(l -> l.contains("_(admins)_")).findFirst().orElseThrow());
      assertThat(lines.subList(firstAdmin, lines.size() - 1)).as(command)
          .allMatch(l -> l.contains("_(admins)_"));
    }
  }
}
