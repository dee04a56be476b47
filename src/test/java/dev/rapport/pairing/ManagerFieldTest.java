package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The skip-level guard's manager field is checked against the workspace's custom profile fields
 * ({@code team.profile.get}): only a Person field is saved, a typo or a text field is refused with what the
 * workspace has (the rest of the settings still saved), and a field deleted since it was saved is reported to the
 * program's admins at the round instead of the guard silently doing nothing.
 */
class ManagerFieldTest extends CoffeeAppTest {

  static final String CHANNEL = "C0MGRFLD";

  @BeforeEach
  void aTeamWithAManager() {
    slack.workspace(TEAM).user(ADMIN).admin();
    slack.workspace(TEAM).join(CHANNEL, "UMGR01", "UREP01", "UREP02", "UPEER1");
    slack.workspace(TEAM).profileField("Manager", "user");
    slack.workspace(TEAM).profileField("Team lead", "user");
    slack.workspace(TEAM).profileField("Office", "text");
    slack.workspace(TEAM).user("UREP01").field("Manager", "UMGR01").field("Office", "Berlin");
    slack.workspace(TEAM).user("UREP02").field("Manager", "UMGR01");
  }

  @Test
  void aPersonFieldIsSavedAsSlackSpellsItAndKeepsPeopleApartFromTheirManagers() {
    String outcome = submitSettings("2", "  manager ");

    assertThat(outcome).contains("Coffee pairing is on").contains("own manager").contains("`Manager`")
        .doesNotContain("wasn't saved");
    assertThat(savedManagerField()).isEqualTo("Manager");
    assertThat(slack.calls("team.profile.get")).hasSize(1);

    List<List<String>> groups = groupsOfRoundNow(CHANNEL);
    assertThat(groups).isNotEmpty().noneMatch(g -> g.contains("UMGR01") && (g.contains("UREP01")
        || g.contains("UREP02")));
    assertThat(dms(ADMIN)).as("nothing to tell the admins").isEmpty();
  }

  @Test
  void aMisspelledManagerFieldIsRefusedWithThePersonFieldsAndTheRestOfTheFormIsSaved() {
    String outcome = submitSettings("3", "Manger");

    assertThat(outcome).contains("Coffee pairing is on").contains("groups of 3")
        .contains("The manager field wasn't saved").contains("no profile field called `Manger`")
        .contains("Person fields are `Manager`, `Team lead`").doesNotContain("`Office`")
        .doesNotContain("Nobody is paired with their own manager")
        .contains("No manager field is set, so people may be paired with their managers");
    assertThat(savedManagerField()).isNull();
    await().atMost(WAIT).until(() -> !slack.calls("chat.postEphemeral").isEmpty());
    assertThat(slack.calls("chat.postEphemeral").get(0).param("text")).contains("wasn't saved")
        .contains("groups of 3");
    assertThat(coffee("UPEER1", CHANNEL, "status").text()).contains("groups of 3");
  }

  @Test
  void aTextFieldIsRefusedNamingItsTypeAndHowToAddAPersonField() {
    slack.workspace(TEAM).deleteProfileField("Manager");
    slack.workspace(TEAM).deleteProfileField("Team lead");
    slack.workspace(TEAM).profileField("Manager", "text");
    slack.workspace(TEAM).user("UREP01").field("Manager", "Mia Manager");

    String outcome = submitSettings("4", "Manager");

    assertThat(outcome).contains("Coffee pairing is on").contains("groups of 4")
        .contains("The manager field wasn't saved").contains("`Manager` is a *Text* field")
        .contains("must be a *Person* field").contains("no Person fields yet")
        .contains("a Slack admin adds one under the workspace's profile settings");
    assertThat(savedManagerField()).isNull();
  }

  @Test
  void theStartCommandRefusesAMisspelledFieldButStartsTheProgram() {
    String reply = coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC size 3 managers field "
        + "\"Team leed\"").text();

    assertThat(reply).contains("Coffee pairing is on").contains("no profile field called `Team leed`")
        .contains("`Manager`, `Team lead`");
    assertThat(savedManagerField()).isNull();
    assertThat(coffee("UPEER1", CHANNEL, "status").text()).contains("groups of 3");
  }

  @Test
  void aLabelWithAnAmpersandTypedInTheStartCommandIsFoundAsSlackSpellsIt() {
    slack.workspace(TEAM).profileField("R&D lead", "user");

    // Slack sends & < > in a command's text as entities.
    String reply = coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC managers field "
        + "\"r&amp;d lead\"").text();

    assertThat(reply).contains("Nobody is paired with their own manager").contains("`R&amp;D lead`")
        .doesNotContain("wasn't saved");
    assertThat(savedManagerField()).isEqualTo("R&D lead");
  }

  @Test
  void whenSlackCannotSayTheFieldIsSavedAndTheAdminIsToldItIsUnchecked() {
    slack.rateLimitNext("team.profile.get", 30, 1);

    String outcome = submitSettings("2", "Manager");

    assertThat(outcome).contains("Coffee pairing is on").contains("couldn't ask Slack just now")
        .doesNotContain("Nobody is paired with their own manager");
    assertThat(savedManagerField()).isEqualTo("Manager");
  }

  @Test
  void aManagerFieldDeletedSinceItWasSavedIsReportedToTheAdminsAtTheRound() {
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC managers field \"Manager\"");
    assertThat(savedManagerField()).isEqualTo("Manager");
    slack.workspace(TEAM).deleteProfileField("Manager");

    List<List<String>> groups = groupsOfRoundNow(CHANNEL);

    assertThat(groups).as("the round still runs").hasSize(2);
    List<String> notes = dms(ADMIN).stream().map(FakeApi.Message::text)
        .filter(t -> t.contains("without keeping people apart from their managers")).toList();
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0)).contains("<#" + CHANNEL + ">").contains("no profile field called `Manager`")
        .contains("`Team lead`").contains("/coffee settings")
        .as("a /coffee start example would set the program's schedule too").doesNotContain("/coffee start");
  }

  /** Sends the settings form (weekly, in groups of {@code size}) with {@code managerField}; the outcome shown. */
  private String submitSettings(String size, String managerField) {
    ObjectNode values = CoffeeSettingsTest.values("1w", List.of("TUESDAY"), "11:15", "Europe/Berlin", size, "NONE",
        false);
    values.putObject("manager_field").putObject("manager_field").put("type", "plain_text_input")
        .put("value", managerField);
    SlackRequests.Answer answer = requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, values);
    assertThat(answer.json().path("response_action").asText()).isEqualTo("update");
    await().atMost(WAIT).until(() -> !slack.calls("views.update").isEmpty());
    return slack.calls("views.update").get(0).json("view").toString();
  }

  private String savedManagerField() {
    return jedis.hget("rapport:{" + TEAM + "}:pairing:" + CHANNEL + ":program", "managerField");
  }
}
