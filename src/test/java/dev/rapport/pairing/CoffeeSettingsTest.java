package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.CadenceText;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
    assertThat(initialOptions(opened.view(), "days")).containsExactly("THURSDAY");
    assertThat(initial(opened.view(), "zone")).isEqualTo("Asia/Tokyo");
    assertThat(initial(opened.view(), "size")).isEqualTo("3");
    assertThat(view).contains("\"initial_time\":\"15:30\"");
  }

  @Test
  void savingTheFormCreatesTheProgramAndConfirmsIt() throws Exception {
    requests.commandAck(TEAM, ADMIN, CHANNEL, "/coffee", "settings");
    assertThat(initial(awaitModal().view(), "zone")).as("the admin's own zone").isEqualTo("Europe/Berlin");

    SlackRequests.Answer answer = requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL,
        values("1w", List.of("WEDNESDAY"), "09:45", "America/New_York", "4", "TITLE", true));

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

  /**
   * Every form of the cadence grammar survives the form: started with {@code /coffee start}, opened in
   * {@code /coffee settings}, sent back with only the time changed, it is the same cadence at the new time.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "every mon,wed,fri at 10:00 tz Europe/Berlin",
      "every 2 weeks on thu at 15:30 tz Asia/Tokyo",
      "every 4 weeks on sun at 18:00 tz Pacific/Chatham",
      "every weekday at 09:00 tz America/Chicago",
      "every day at 08:15 tz UTC",
      "every week on tue at 12:00 tz Europe/London",
      "every sat,sun at 10:30 tz Australia/Sydney"})
  void changingOnlyTheTimeInTheFormKeepsTheRestOfTheSchedule(String cadence) {
    coffee(ADMIN, "start " + cadence + " size 3");
    Cadence before = schedules.get(TEAM, "pairing", CHANNEL).orElseThrow().cadence();

    coffee(ADMIN, "settings");
    ObjectNode sent = asSubmitted(awaitModal().view());
    sent.with("time").with("time").put("selected_time", "11:00");
    SlackRequests.Answer answer = requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, sent);

    assertThat(answer.json().path("response_action").asText()).isEqualTo("update");
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.update").isEmpty());
    assertThat(slack.calls("views.update").get(0).json("view").toString()).contains("Coffee pairing is updated");
    Cadence after = schedules.get(TEAM, "pairing", CHANNEL).orElseThrow().cadence();
    assertThat(CadenceText.of(after)).isEqualTo(CadenceText.of(before).replaceFirst(" at \\d{2}:\\d{2}", " at 11:00"));
    assertThat(after.anchor()).isEqualTo(before.anchor());
    assertThat(coffee("U002", "status").text()).contains("groups of 3");
  }

  @Test
  void theFormShowsEveryDayOfASeveralDaysAWeekProgram() {
    coffee(ADMIN, "start every mon,wed,fri at 10:00 tz Europe/Berlin");

    coffee(ADMIN, "settings");
    JsonNode view = awaitModal().view();

    assertThat(initial(view, "frequency")).isEqualTo("1w");
    assertThat(initialOptions(view, "days")).containsExactly("MONDAY", "WEDNESDAY", "FRIDAY");
  }

  /** Saving weeks later keeps which weeks an every-2-weeks program runs in. */
  @Test
  void savingTheFormLaterKeepsWhichWeeksAFortnightlyProgramRunsIn() {
    coffee(ADMIN, "start every 2 weeks on thu at 15:30 tz UTC");
    Instant first = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow();
    clock.advance(Duration.ofDays(7));

    coffee(ADMIN, "settings");
    ObjectNode sent = asSubmitted(awaitModal().view());
    sent.with("time").with("time").put("selected_time", "16:30");
    requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, sent);

    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.update").isEmpty());
    Instant next = schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow();
    assertThat(Duration.between(first.plus(Duration.ofHours(1)), next).toDays() % 14).as("same weeks").isZero();
  }

  @Test
  void everyTwoWeeksOnSeveralDaysIsRefusedNextToTheDays() {
    ObjectNode values = values("2w", List.of("MONDAY", "THURSDAY"), "10:00", "UTC", "2", "NONE", false);

    SlackRequests.Answer answer = requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, values);

    assertThat(answer.json().path("response_action").asText()).isEqualTo("errors");
    assertThat(answer.json().path("errors").path("days").asText()).contains("one day").contains("Every week");
    assertThat(schedules.nextDue(TEAM, "pairing", CHANNEL)).isEmpty();
  }

  /** Rapport can't post in a channel it isn't in: the form comes back as sent, saying how to fix it. */
  @Test
  void savingTheFormInAChannelWithoutRapportBringsTheFormBackWithTheFix() {
    slack.workspace(TEAM).withoutRapport(CHANNEL);

    SlackRequests.Answer answer = requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL,
        values("1w", List.of("TUESDAY"), "11:15", "Europe/Berlin", "3", "NONE", false));

    assertThat(answer.json().path("response_action").asText()).isEqualTo("update");
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.update").isEmpty());
    JsonNode shown = slack.calls("views.update").get(0).json("view");
    assertThat(shown.path("callback_id").asText()).as("the form again").isEqualTo(SettingsModal.CALLBACK);
    assertThat(shown.toString()).contains("/invite @Rapport").contains("\"initial_time\":\"11:15\"");
    assertThat(initial(shown, "size")).isEqualTo("3");
    assertThat(initialOptions(shown, "days")).containsExactly("TUESDAY");
    assertThat(schedules.nextDue(TEAM, "pairing", CHANNEL)).as("nothing saved").isEmpty();
  }

  /** The admin closed the modal before the outcome arrived: it comes as a DM, with their choices. */
  @Test
  void whenTheModalIsGoneTheOutcomeArrivesInADm() {
    slack.workspace(TEAM).withoutRapport(CHANNEL);
    slack.on("views.update", call -> FakeApi.error("not_found"));

    requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL,
        values("1w", List.of("TUESDAY"), "11:15", "Europe/Berlin", "3", "NONE", false));

    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api().messages(ADMIN).isEmpty());
    assertThat(slack.api().messages(ADMIN).get(0).text()).contains("/invite @Rapport")
        .contains("every week on Tuesday at 11:15 (Europe/Berlin), groups of 3");
  }

  @Test
  void aFormWithMissingChoicesGetsErrorsNextToTheFields() throws Exception {
    ObjectNode values = values("1w", List.of("MONDAY"), null, "UTC", null, "NONE", false);

    SlackRequests.Answer answer = requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, values);

    assertThat(answer.json().path("response_action").asText()).isEqualTo("errors");
    assertThat(answer.json().path("errors").fieldNames()).toIterable().containsExactlyInAnyOrder("time", "size");
    assertThat(schedules.nextDue(TEAM, "pairing", CHANNEL)).isEmpty();
  }

  @Test
  void theHomeTabShowsMyProgramAndPausesMe() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    coffee(ADMIN, "now");
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.api().intros().size() == 2);

    openHome("U002");
    String home = lastHome();
    assertThat(home).contains("Your coffee pairing").contains("<#" + CHANNEL + ">").contains("Your group: <@U")
        .contains(HomeControls.PAUSE);

    requests.blockAction(TEAM, "U002", "D0HOME", HomeControls.PAUSE, CHANNEL);

    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.publish").size() == 2);
    assertThat(lastHome()).contains("Paused until").contains(HomeControls.RESUME);
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

  /** What Slack sends when the form is submitted untouched: every field's initial value. */
  static ObjectNode asSubmitted(JsonNode view) {
    ObjectNode values = JSON.createObjectNode();
    for (JsonNode block : view.path("blocks")) {
      JsonNode element = block.path("element");
      if (!block.path("type").asText().equals("input")) {
        continue;
      }
      ObjectNode value = values.putObject(block.path("block_id").asText())
          .putObject(element.path("action_id").asText()).put("type", element.path("type").asText());
      switch (element.path("type").asText()) {
        case "static_select" -> {
          if (element.has("initial_option")) {
            value.set("selected_option", element.path("initial_option"));
          }
        }
        case "checkboxes", "multi_static_select" -> {
          var selected = value.putArray("selected_options");
          element.path("initial_options").forEach(o -> selected.add(o.deepCopy()));
        }
        case "timepicker" -> value.put("selected_time", element.path("initial_time").asText(null));
        case "plain_text_input" -> value.put("value", element.path("initial_value").asText(null));
        default -> throw new AssertionError("a field the test can't fill: " + element);
      }
    }
    return values;
  }

  private static List<String> initialOptions(JsonNode view, String block) {
    List<String> chosen = new java.util.ArrayList<>();
    for (JsonNode b : view.path("blocks")) {
      if (b.path("block_id").asText().equals(block)) {
        b.path("element").path("initial_options").forEach(o -> chosen.add(o.path("value").asText()));
      }
    }
    return chosen;
  }

  private static String initial(JsonNode view, String block) {
    for (JsonNode b : view.path("blocks")) {
      if (b.path("block_id").asText().equals(block)) {
        return b.path("element").path("initial_option").path("value").asText();
      }
    }
    return null;
  }

  static ObjectNode values(String frequency, List<String> days, String time, String zone, String size,
                           String departments, boolean guests) {
    ObjectNode values = JSON.createObjectNode();
    select(values, "frequency", frequency);
    var chosen = values.putObject("days").putObject("days").put("type", "checkboxes").putArray("selected_options");
    days.forEach(day -> chosen.addObject().put("value", day).putObject("text").put("type", "plain_text").put("text",
        day));
    ObjectNode t = values.putObject("time").putObject("time").put("type", "timepicker");
    if (time != null) {
      t.put("selected_time", time);
    }
    select(values, "zone", zone);
    select(values, "size", size);
    select(values, "departments", departments);
    var selected = values.putObject("options").putObject("options").put("type", "checkboxes")
        .putArray("selected_options");
    for (String option : guests ? List.of("guests", "announce") : List.of("announce")) {
      selected.addObject().put("value", option).putObject("text").put("type", "plain_text").put("text", option);
    }
    return values;
  }

  private static void select(ObjectNode values, String block, String value) {
    ObjectNode element = values.putObject(block).putObject(block).put("type", "static_select");
    if (value != null) {
      element.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text").put("text",
          value);
    }
  }
}
