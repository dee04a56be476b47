package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The App Home: admins see the programs they run (cadence, next round, how the last round went) and what
 * failed, in words; every member can leave, come back, and keep their private do-not-pair list there.
 */
class AppHomeTest extends AppTest {

  static final String CHANNEL = "C0HOME";
  static final String ADMIN = "U001";
  static final String MEMBER = "U002";
  static final ObjectMapper JSON = new ObjectMapper();
  // Spelled out, not taken from the app's classes, so this test compiled (and failed) before they existed.
  static final String HOME_LEAVE = "pairing_home_leave";
  static final String HOME_JOIN = "pairing_home_join";
  static final String HOME_AVOID = "pairing_home_avoid";
  static final String AVOID_CALLBACK = "pairing_avoid";
  static final String AVOID_BLOCK = "avoid";

  @Autowired
  Schedules schedules;

  @BeforeEach
  void channel() {
    slack.workspace(TEAM).channel(CHANNEL, "U", 6);
    slack.workspace(TEAM).user(ADMIN).admin();
  }

  @Test
  void adminsSeeEachProgramWithItsNextRoundAndHowTheLastRoundWent() {
    coffee(ADMIN, "start every week on mon at 10:00 tz Europe/Berlin");
    coffee(ADMIN, "now");
    awaitLandedIntros(3);
    List<String> group = groups().get(0);
    requests.blockAction(TEAM, group.get(0), slack.api().groupDmOf(group), IntroMessage.MET,
        CHANNEL + "|" + lastRound() + "|0");
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.responded().isEmpty());

    String home = openHome(ADMIN);

    String next = "<!date^" + schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow().getEpochSecond() + "^";
    assertThat(home).contains("Coffee programs").contains("<#" + CHANNEL + ">")
        .contains("every week on Monday at 10:00 (Europe/Berlin)").contains("Next round: " + next)
        .contains("6 people in 3 groups").contains("said they met (33%)");
    assertThat(openHome(MEMBER)).as("members don't see the admin part").doesNotContain("Coffee programs");
  }

  @Test
  void whatFailedShowsInWordsAnHrPersonUnderstandsWithTheFix() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    slack.workspace(TEAM).withoutRapport(CHANNEL);
    coffee(ADMIN, "now");
    awaitLandedIntros(3);
    await().atMost(Duration.ofSeconds(10)).until(() -> jedis.llen("rapport:{outbox}:dead:" + TEAM) == 1);

    String home = openHome(ADMIN);

    assertThat(home).contains(":warning:").contains("coffee announcement for <#" + CHANNEL + ">")
        .contains("Rapport isn't a member of <#" + CHANNEL + ">").contains("/invite @Rapport")
        .doesNotContain("not_in_channel");
  }

  @Test
  void theAdminPartReadsABoundedNumberOfPrograms() {
    for (int i = 0; i < 25; i++) {
      String channel = String.format("C%03d", i);
      slack.workspace(TEAM).join(channel, ADMIN, MEMBER);
      requests.command(TEAM, ADMIN, channel, "/coffee", "start every day at 10:00 tz UTC");
    }

    String home = openHome(ADMIN);

    assertThat(home).contains("<#C000>").contains("<#C019>").doesNotContain("<#C020>").contains("And 5 more programs");
  }

  @Test
  void membersLeaveAndComeBackFromTheirHome() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    assertThat(openHome(MEMBER)).contains(HOME_LEAVE);

    requests.blockAction(TEAM, MEMBER, "D0HOME", HOME_LEAVE, CHANNEL);

    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.publish").size() == 2);
    assertThat(lastHome()).contains("You left this program").contains(HOME_JOIN);
    assertThat(coffee(MEMBER, "status")).contains("You left this program");

    requests.blockAction(TEAM, MEMBER, "D0HOME", HOME_JOIN, CHANNEL);

    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.publish").size() == 3);
    assertThat(lastHome()).contains("You're taking part").contains(HOME_LEAVE);
  }

  @Test
  void membersKeepTheirPrivateDoNotPairListFromTheirHome() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    coffee(MEMBER, "avoid <@U004>");
    assertThat(openHome(MEMBER)).contains(HOME_AVOID).contains("1 person");

    requests.blockAction(TEAM, MEMBER, "D0HOME", HOME_AVOID, "avoid");

    await().atMost(Duration.ofSeconds(5)).until(() -> slack.api().views().stream()
        .anyMatch(v -> v.method().equals("views.open")));
    JsonNode modal = slack.api().views().stream().filter(v -> v.method().equals("views.open")).findFirst()
        .orElseThrow().view();
    assertThat(modal.path("callback_id").asText()).isEqualTo(AVOID_CALLBACK);
    assertThat(modal.toString()).contains("\"initial_users\":[\"U004\"]");

    SlackRequests.Answer self = requests.viewSubmission(TEAM, MEMBER, AVOID_CALLBACK, "", avoiding(MEMBER, "U003"));
    assertThat(self.json().path("response_action").asText()).isEqualTo("errors");
    assertThat(jedis.smembers(avoidKey())).containsExactly("U004");

    slack.workspace(TEAM).user("UAPP").bot();
    SlackRequests.Answer saved = requests.viewSubmission(TEAM, MEMBER, AVOID_CALLBACK, "",
        avoiding("U003", "U005", "UAPP"));

    assertThat(saved.status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> jedis.smembers(avoidKey()).equals(java.util.Set.of("U003",
        "U005")));
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.update").isEmpty());
    assertThat(slack.calls("views.update").get(0).json("view").toString()).as("the app left off, and said so")
        .contains("<@UAPP> is an app");
    await().atMost(Duration.ofSeconds(5)).until(() -> lastHome().contains("2 people"));
  }

  // --- helpers

  private String coffee(String user, String text) {
    return requests.command(TEAM, user, CHANNEL, "/coffee", text).text();
  }

  private String openHome(String user) {
    int before = slack.calls("views.publish").size();
    SlackRequests.Answer ack = requests.event(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload", Map.of(
        "type", "app_home_opened", "user", user, "tab", "home", "channel", "D0HOME", "event_ts", "1700000000.000100"));
    assertThat(ack.status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.publish").size() > before);
    return lastHome();
  }

  private String lastHome() {
    var publishes = slack.calls("views.publish");
    return publishes.get(publishes.size() - 1).json("view").toString();
  }

  private void awaitLandedIntros(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      String intros = jedis.hget("rapport:{" + TEAM + "}:pairing:" + CHANNEL + ":stats", "intros");
      return intros != null && Long.parseLong(intros) == count;
    });
  }

  private List<List<String>> groups() {
    List<List<String>> groups = new ArrayList<>();
    slack.api().intros().forEach(m -> groups.add(slack.api().groupDmMembers(m.channel())));
    return groups;
  }

  private String lastRound() {
    return jedis.zrange("rapport:{" + TEAM + "}:pairing:" + CHANNEL + ":rounds", -1, -1).get(0);
  }

  private String avoidKey() {
    return "rapport:{" + TEAM + "}:pairing:avoid:" + MEMBER;
  }

  private static ObjectNode avoiding(String... users) {
    ObjectNode values = JSON.createObjectNode();
    var list = values.putObject(AVOID_BLOCK).putObject(AVOID_BLOCK).put("type", "multi_users_select")
        .putArray("selected_users");
    for (String user : users) {
      list.add(user);
    }
    return values;
  }
}
