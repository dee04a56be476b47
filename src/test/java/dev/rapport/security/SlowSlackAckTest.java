package dev.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With a Slack that answers every Web API call after 5 seconds, every subcommand (as an admin whose role
 * isn't cached, as a member, and as an admin whose role is), every button, every modal submission and the
 * events still ack within Slack's 3 seconds, and what needed Slack is answered after the ack. Acks are
 * measured one after the other, while Slack is slow; the delayed calls happen in the background and are let
 * through at the end, so the test never sits out a delay.
 */
class SlowSlackAckTest extends AppTest {

  static final String CHANNEL = "C0SLOW";
  static final String ADMIN = "U001";
  static final String KNOWN_ADMIN = "U002";
  static final String MEMBER = "U003";
  static final Duration ACK_BOUND = Duration.ofSeconds(3);
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  MeterRegistry metrics;
  @Autowired
  App app;

  private final List<String> late = new ArrayList<>();
  private Duration slowest = Duration.ZERO;
  private String slowestWhat = "";
  private final Map<String, String> answeredLater = new LinkedHashMap<>();

  @Test
  void everySubcommandButtonModalAndEventAcksInTimeWhileSlackTakesFiveSeconds() throws Exception {
    slack.workspace(TEAM).channel(CHANNEL, "U", 6);
    slack.workspace(TEAM).user(ADMIN).admin();
    slack.workspace(TEAM).user(KNOWN_ADMIN).admin();
    Subcommands.checkAgainstHelp(requests, MEMBER, CHANNEL);
    String period = programAndOpenPulse();
    forgetProfiles(ADMIN, MEMBER);
    double violations = violations();

    slack.delayAll(5_000);
    for (String user : List.of(ADMIN, MEMBER, KNOWN_ADMIN)) {
      for (Subcommands.Sub sub : Subcommands.ALL) {
        SlackRequests.Ack ack = requests.commandAck(TEAM, user, CHANNEL, sub.command(), sub.text());
        check(user + " " + sub, ack.took(), ack.answer());
        if (ack.answer().later() && !sub.opensModal()) {
          answeredLater.put(ack.responseId(), user + " " + sub);
        }
      }
    }
    int opened = slack.api().views().size();
    pressEveryButton(period);
    SlackRequests.Answer saving = timed("settings modal by " + ADMIN, () -> requests.viewSubmission(TEAM, ADMIN,
        "pairing_settings", CHANNEL, settings()));
    timed("pulse modal by " + MEMBER, () -> requests.viewSubmission(TEAM, MEMBER, "pulse_answer",
        CHANNEL + "|" + period, pulseAnswer()));
    timed("do-not-pair modal by " + MEMBER, () -> requests.viewSubmission(TEAM, MEMBER, "pairing_avoid", "",
        avoiding("U004")));
    sendEvents();

    System.out.printf("SlowSlackAckTest: slowest ack %d ms (%s) with every Slack call taking 5 s%n",
        slowest.toMillis(), slowestWhat);
    assertThat(late).as("acks that were late or unclear").isEmpty();
    assertThat(violations()).as("Slack calls refused on the ack path").isEqualTo(violations);
    assertThat(saving.json().path("response_action").asText()).isEqualTo("update");

    // What needed Slack is answered once Slack answers.
    slack.releaseDelays();
    for (Map.Entry<String, String> later : answeredLater.entrySet()) {
      String text = requests.awaitResponse(later.getKey()).text();
      assertThat(text).as(later.getValue()).isNotBlank().doesNotContain("Something went wrong");
      // A member's command waits for Slack only to check a role (and so is refused), or, for /coffee avoid, to
      // look up the person (bots can't be avoided).
      if (later.getValue().startsWith(MEMBER) && !later.getValue().contains("/coffee avoid")) {
        assertThat(text).as("refused: " + later.getValue()).contains(":lock:");
      }
    }
    assertThat(answeredLater.values()).as("deferred answers").anyMatch(s -> s.startsWith(ADMIN))
        .anyMatch(s -> s.startsWith(MEMBER));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(slack.calls("views.update")).as("the settings modal shows the outcome").isNotEmpty();
      assertThat(slack.api().views().size()).as("modals opened after the ack").isGreaterThan(opened);
    });
  }

  /** A coffee program and a pulse with an open period in the channel, made while Slack is quick. */
  private String programAndOpenPulse() {
    assertThat(requests.command(TEAM, KNOWN_ADMIN, CHANNEL, "/coffee", "start every week on mon at 10:00 tz UTC")
        .text()).contains("Coffee pairing is on");
    Instant first = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
    String at = first.atZone(ZoneOffset.UTC).toLocalTime().toString();
    assertThat(requests.commandAnsweredLater(TEAM, KNOWN_ADMIN, CHANNEL, "/pulse", "start every day at " + at
        + " tz UTC")).contains("Pulse started");
    clock.advance(Duration.between(clock.instant(), first).plusSeconds(1));
    await().atMost(Duration.ofSeconds(20)).until(() -> invitations().size() >= 6);
    String value = invitations().get(0);
    return value.substring(value.indexOf('|') + 1);
  }

  /** The values of the answer buttons in the pulse invitations sent so far. */
  private List<String> invitations() {
    List<String> values = new ArrayList<>();
    for (FakeApi.Message m : slack.api().messages()) {
      for (JsonNode block : m.blocks()) {
        for (JsonNode element : block.path("elements")) {
          if ("pulse_answer_open".equals(element.path("action_id").asText())) {
            values.add(element.path("value").asText());
          }
        }
      }
    }
    return values;
  }

  private void pressEveryButton(String period) throws Exception {
    Map<String, String> buttons = new LinkedHashMap<>();
    buttons.put("pairing_met", CHANNEL + "|r1|0");
    buttons.put("pairing_not", CHANNEL + "|r1|0");
    buttons.put("pairing_unreached", CHANNEL + "|r1|0|" + MEMBER);
    buttons.put("pairing_leave", CHANNEL);
    buttons.put("pairing_back_in", CHANNEL);
    buttons.put("pairing_home_pause", CHANNEL);
    buttons.put("pairing_home_resume", CHANNEL);
    buttons.put("pairing_home_leave", CHANNEL);
    buttons.put("pairing_home_join", CHANNEL);
    buttons.put("pairing_home_avoid", "avoid");
    buttons.put("prompts_list_next", "all|2");
    buttons.put("prompts_list_previous", "all|1");
    buttons.put("prompts_approve", "s1|listening");
    buttons.put("prompts_approve_listening", "s1|listening");
    buttons.put("prompts_reject", "s1");
    buttons.put("pulse_answer_open", CHANNEL + "|" + period);
    buttons.put("pairing_forget", "forget");
    buttons.put("pairing_calendar_google", "");
    buttons.put("insights_tie_yes", CHANNEL + "|r1|0");
    buttons.put("insights_tie_no", CHANNEL + "|r1|0");
    buttons.put("dashboard_open", "");
    assertEveryHandlerIsCovered("blockActionHandlers", buttons.keySet());
    assertEveryHandlerIsCovered("viewSubmissionHandlers", List.of("pairing_settings", "pulse_answer",
        "pairing_avoid"));
    for (Map.Entry<String, String> button : buttons.entrySet()) {
      for (String user : List.of(ADMIN, MEMBER)) {
        timed(button.getKey() + " by " + user, () -> requests.blockAction(TEAM, user, CHANNEL, button.getKey(),
            button.getValue()));
      }
    }
  }

  private void sendEvents() {
    timed("app_home_opened", () -> requests.event(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload",
        Map.of("type", "app_home_opened", "user", ADMIN, "tab", "home", "channel", "D0HOME",
            "event_ts", "1700000000.000100")));
    timed("message", () -> requests.event(TEAM, SlackRequests.newEventId(), "MessagePayload", Map.of("type",
        "message", "channel", CHANNEL, "user", MEMBER, "text", "hi", "ts", "1700000300.000004",
        "thread_ts", "1700000300.000001", "channel_type", "channel")));
    timed("reaction_added", () -> requests.event(TEAM, SlackRequests.newEventId(), "ReactionAddedPayload",
        Map.of("type", "reaction_added", "user", MEMBER, "reaction", "eyes", "item_user", "UBOT" + TEAM,
            "event_ts", "1700000300.000005", "item", Map.of("type", "message", "channel", CHANNEL,
                "ts", "1700000300.000001"))));
    timed("reaction_removed", () -> requests.event(TEAM, SlackRequests.newEventId(), "ReactionRemovedPayload",
        Map.of("type", "reaction_removed", "user", MEMBER, "reaction", "eyes", "item_user", "UBOT" + TEAM,
            "event_ts", "1700000300.000006", "item", Map.of("type", "message", "channel", CHANNEL,
                "ts", "1700000300.000001"))));
    timed("member_joined_channel", () -> requests.event(TEAM, SlackRequests.newEventId(),
        "MemberJoinedChannelPayload", Map.of("type", "member_joined_channel", "user", "U009", "channel", CHANNEL,
            "channel_type", "C", "team", TEAM, "inviter", ADMIN, "event_ts", "1700000300.000007")));
  }

  private SlackRequests.Answer timed(String what, Supplier<SlackRequests.Answer> request) {
    long start = System.nanoTime();
    SlackRequests.Answer answer = request.get();
    check(what, Duration.ofNanos(System.nanoTime() - start), answer);
    return answer;
  }

  private void check(String what, Duration took, SlackRequests.Answer answer) {
    String body = answer.body() == null ? "" : answer.body();
    if (took.compareTo(slowest) > 0) {
      slowest = took;
      slowestWhat = what;
    }
    if (took.compareTo(ACK_BOUND) >= 0 || answer.status() != 200 || body.contains("Something went wrong")) {
      late.add(what + ": " + answer.status() + " after " + took.toMillis() + " ms: " + body);
    }
  }

  /** Every handler of this kind registered on the app is one this test sends something to. */
  @SuppressWarnings("unchecked")
  private void assertEveryHandlerIsCovered(String field, java.util.Collection<String> ids) throws Exception {
    Field handlers = App.class.getDeclaredField(field);
    handlers.setAccessible(true);
    for (Pattern pattern : ((Map<Pattern, ?>) handlers.get(app)).keySet()) {
      assertThat(ids).as("something for %s", pattern).anyMatch(id -> pattern.matcher(id).matches());
    }
  }

  private void forgetProfiles(String... users) {
    for (String user : users) {
      jedis.del("rapport:{" + TEAM + "}:people:profile:" + user);
    }
  }

  private double violations() {
    return metrics.find("rapport.slack.ack.path.violations").counters().stream().mapToDouble(Counter::count).sum();
  }

  private static ObjectNode settings() {
    ObjectNode values = JSON.createObjectNode();
    select(values, "frequency", "1w");
    values.putObject("days").putObject("days").put("type", "checkboxes").putArray("selected_options")
        .addObject().put("value", "WEDNESDAY");
    values.putObject("time").putObject("time").put("type", "timepicker").put("selected_time", "09:45");
    select(values, "zone", "UTC");
    select(values, "size", "2");
    select(values, "departments", "NONE");
    values.putObject("options").putObject("options").put("type", "checkboxes").putArray("selected_options");
    return values;
  }

  private static void select(ObjectNode values, String block, String value) {
    values.putObject(block).putObject(block).put("type", "static_select").putObject("selected_option")
        .put("value", value).putObject("text").put("type", "plain_text").put("text", value);
  }

  private static ObjectNode avoiding(String user) {
    ObjectNode values = JSON.createObjectNode();
    values.putObject("avoid").putObject("avoid").put("type", "multi_users_select").putArray("selected_users").add(user);
    return values;
  }

  private static ObjectNode pulseAnswer() {
    ObjectNode values = JSON.createObjectNode();
    for (String question : List.of("pulse_q_t", "pulse_q_u", "pulse_q_c", "pulse_q_b")) {
      values.putObject(question).putObject("score").put("type", "radio_buttons").putObject("selected_option")
          .put("value", "4");
    }
    values.putObject("pulse_comment").putObject("text").put("type", "plain_text_input").putNull("value");
    return values;
  }
}
