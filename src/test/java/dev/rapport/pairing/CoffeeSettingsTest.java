package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** HR sets programs up with a form, the App Home shows members their coffee, and admins see dead letters. */
class CoffeeSettingsTest extends AppTest {

  static final String CHANNEL = "C0FORM";
  static final String ADMIN = "U001";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  Schedules schedules;

  @BeforeEach
  void channel() {
    slack.workspace(TEAM).channel(CHANNEL, "U", 4);
    slack.workspace(TEAM).user(ADMIN).admin().tz("Europe/Berlin", 3600);
  }

  @Test
  void settingsOpensAFormPrefilledWithTheCurrentProgram() {
    coffee(ADMIN, "start every 2 weeks on thu at 15:30 tz Asia/Tokyo size 3");

    SlackRequests.Answer answer = coffee(ADMIN, "settings");

    assertThat(answer.status()).isEqualTo(200);
    FakeApi.View opened = awaitModal();
    assertThat(opened.callbackId()).isEqualTo(SettingsModal.CALLBACK);
    String view = opened.view().toString();
    assertThat(opened.view().path("private_metadata").asText()).isEqualTo(CHANNEL);
    assertThat(initial(opened.view(), "frequency")).isEqualTo("2w");
    assertThat(initial(opened.view(), "day")).isEqualTo("THURSDAY");
    assertThat(initial(opened.view(), "zone")).isEqualTo("Asia/Tokyo");
    assertThat(initial(opened.view(), "size")).isEqualTo("3");
    assertThat(view).contains("\"initial_time\":\"15:30\"");
  }

  @Test
  void savingTheFormCreatesTheProgramAndConfirmsIt() throws Exception {
    requests.commandAck(TEAM, ADMIN, CHANNEL, "/coffee", "settings");
    assertThat(initial(awaitModal().view(), "zone")).as("the admin's own zone").isEqualTo("Europe/Berlin");

    SlackRequests.Answer answer = requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL,
        values("1w", "WEDNESDAY", "09:45", "America/New_York", "4", "TITLE", true));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("response_action").asText()).as("'Saving…' until it is saved").isEqualTo("update");
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.update").isEmpty());
    assertThat(slack.calls("views.update").get(0).json("view").toString()).contains("Coffee pairing is on");
    var next = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow().atZone(ZoneId.of("America/New_York"));
    assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
    assertThat(next.toLocalTime()).hasToString("09:45");
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("chat.postEphemeral").isEmpty());
    assertThat(slack.calls("chat.postEphemeral").get(0).param("text"))
        .contains("Coffee pairing is on").contains("groups of 4, guests included");
    await().atMost(Duration.ofSeconds(5)).until(() -> requests.command(TEAM, "U002", "D0U002", "/coffee", "status")
        .text().contains("groups of 4"));
  }

  @Test
  void aFormWithMissingChoicesGetsErrorsNextToTheFields() throws Exception {
    ObjectNode values = values("1w", "MONDAY", null, "UTC", null, "NONE", false);

    SlackRequests.Answer answer = requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, values);

    assertThat(answer.json().path("response_action").asText()).isEqualTo("errors");
    assertThat(answer.json().path("errors").fieldNames()).toIterable().containsExactlyInAnyOrder("time", "size");
    assertThat(schedules.nextDue(TEAM, "pairing", CHANNEL)).isEmpty();
  }

  @Test
  void theHomeTabShowsMyProgramAndPausesMe() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    coffee(ADMIN, "now");
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.api().messages().size() == 2);

    openHome("U002");
    String home = lastHome();
    assertThat(home).contains("Your coffee pairing").contains("<#" + CHANNEL + ">").contains("Your group: <@U")
        .contains(CoffeeCommand.HOME_PAUSE);

    requests.blockAction(TEAM, "U002", "D0HOME", CoffeeCommand.HOME_PAUSE, CHANNEL);

    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.publish").size() == 2);
    assertThat(lastHome()).contains("Paused until").contains(CoffeeCommand.HOME_RESUME);
  }

  @Test
  void deliveriesSlackRefusesShowInStatsInPlainWords() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    slack.on("conversations.open", call -> FakeApi.error("cannot_dm_bot"));

    coffee(ADMIN, "now");

    await().atMost(Duration.ofSeconds(10)).until(() -> coffee(ADMIN, "stats").text()
        .contains("Delivery problems: 2 intros weren't delivered"));
    assertThat(coffee(ADMIN, "stats").text()).contains("it was for a bot, and Rapport can't message bots")
        .doesNotContain("cannot_dm_bot").contains("Intros sent: 0");
  }

  /** The modal opened right after the ack of /coffee settings. */
  private FakeApi.View awaitModal() {
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.api().views().isEmpty());
    return slack.api().views().get(0);
  }

  private SlackRequests.Answer coffee(String user, String text) {
    return requests.command(TEAM, user, CHANNEL, "/coffee", text);
  }

  private void openHome(String user) {
    requests.event(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload", Map.of("type", "app_home_opened",
        "user", user, "tab", "home", "channel", "D0HOME", "event_ts", "1700000000.000100"));
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.publish").isEmpty());
  }

  private String lastHome() {
    List<?> publishes = slack.calls("views.publish");
    return slack.calls("views.publish").get(publishes.size() - 1).json("view").toString();
  }

  private static String initial(JsonNode view, String block) {
    for (JsonNode b : view.path("blocks")) {
      if (b.path("block_id").asText().equals(block)) {
        return b.path("element").path("initial_option").path("value").asText();
      }
    }
    return null;
  }

  private static ObjectNode values(String frequency, String day, String time, String zone, String size,
                                   String departments, boolean guests) {
    ObjectNode values = JSON.createObjectNode();
    select(values, "frequency", frequency);
    select(values, "day", day);
    ObjectNode t = values.putObject("time").putObject("time").put("type", "timepicker");
    if (time != null) {
      t.put("selected_time", time);
    }
    select(values, "zone", zone);
    select(values, "size", size);
    select(values, "departments", departments);
    ObjectNode box = values.putObject("options").putObject("guests").put("type", "checkboxes");
    var selected = box.putArray("selected_options");
    if (guests) {
      selected.addObject().put("value", "guests").putObject("text").put("type", "plain_text").put("text", "Include guests");
    }
    return values;
  }

  private static void select(ObjectNode values, String block, String value) {
    ObjectNode element = values.putObject(block).putObject(block).put("type", "static_select");
    if (value != null) {
      element.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text").put("text", value);
    }
  }
}
