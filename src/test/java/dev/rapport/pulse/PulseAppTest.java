package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the pulse's end-to-end tests share: a team channel, starting a pulse through {@code /pulse start},
 * running the period and reminder occurrences as the scheduler would, and answering through the DM button
 * and the modal. Time stays real (requests are signed with the real time); occurrences are run directly.
 */
abstract class PulseAppTest extends AppTest {

  static final String CHANNEL = "C0PULSE";
  static final String ADMIN = "U001";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  PeriodJob periodJob;
  @Autowired
  ReminderJob reminderJob;
  @Autowired
  Schedules schedules;
  @Autowired
  Outbox outbox;

  private static final AtomicInteger TESTS = new AtomicInteger();

  private Instant lastDue;
  private final java.util.Map<String, Instant> lastDueOf = new java.util.HashMap<>();

  /**
   * Lets this test's DMs and uploads finish before the next test resets the fake Slack, so none of them
   * lands in the next test's record.
   */
  @AfterEach
  void drainOutbox() {
    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.stats(TEAM).pending() == 0);
  }

  /** {@code n} people U001..Unnn in the channel; U001 is a workspace admin. */
  List<String> team(int n) {
    List<String> people = slack.workspace(TEAM).channel(CHANNEL, "U", n);
    slack.workspace(TEAM).user(ADMIN).admin();
    return people;
  }

  /** A weekly cadence three days away, so the background scheduler never fires during a test. */
  static String cadence() {
    DayOfWeek day = Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek().plus(3);
    return "every week on " + day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT)
        + " at 10:00 tz UTC";
  }

  void start() {
    start(CHANNEL);
  }

  void start(String channel) {
    assertThat(requests.commandAnsweredLater(TEAM, ADMIN, channel, "/pulse", "start " + cadence()))
        .contains("Pulse started");
  }

  /** Runs the next occurrence of the channel's cadence (a minute after the last one); returns the period id. */
  String nextPeriod() throws Exception {
    return nextPeriod(CHANNEL);
  }

  String nextPeriod(String channel) throws Exception {
    Schedule schedule = schedules.get(TEAM, PeriodJob.KIND, channel).orElseThrow();
    if (lastDue == null) {
      lastDue = firstDue();
    }
    Instant due = lastDueOf.containsKey(channel) ? lastDueOf.get(channel).plus(Duration.ofMinutes(1)) : lastDue;
    lastDueOf.put(channel, due);
    periodJob.run(new Occurrence(schedule.id() + "@" + due.toEpochMilli(), schedule, due));
    return Period.idFor(due);
  }

  /** {@code /pulse close} by the admin, waiting for its answer (closing adds up the answers in the background). */
  String close() {
    return close(CHANNEL);
  }

  String close(String channel) {
    return requests.commandAnsweredLater(TEAM, ADMIN, channel, "/pulse", "close");
  }

  /**
   * A first due time no other test uses: period ids (and so the outbox keys of their DMs) must differ
   * between tests, or a delivery acked just after the previous test's flush would mark this test's
   * invitation as already sent.
   */
  private static Instant firstDue() {
    return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10L * TESTS.incrementAndGet()));
  }

  /** Runs the reminder the last period planned. */
  void remind() throws Exception {
    Schedule schedule = schedules.get(TEAM, ReminderJob.KIND, CHANNEL).orElseThrow();
    reminderJob.run(new Occurrence(schedule.id() + "@" + schedule.at().toEpochMilli(), schedule, schedule.at()));
  }

  /** Waits until {@code count} DMs have reached people in the channel (invitations, reminders). */
  List<FakeApi.Message> awaitDms(int count) {
    await().atMost(Duration.ofSeconds(15)).until(() -> dms().size() >= count);
    return dms();
  }

  List<FakeApi.Message> dms() {
    return slack.api().messages().stream().filter(m -> m.channel().startsWith("U")).toList();
  }

  /** The value of the answer button of a DM. */
  static String buttonValue(FakeApi.Message dm) {
    for (JsonNode block : dm.blocks()) {
      if (block.path("type").asText().equals("actions")) {
        return block.path("elements").get(0).path("value").asText();
      }
    }
    throw new AssertionError("no button in " + dm);
  }

  /** Answers {@code period} as {@code user}: four scores (0 leaves a question out) and an optional comment. */
  SlackRequests.Answer answer(String user, String period, int trust, int understanding, int communication,
                              int belonging, String comment) {
    return answer(CHANNEL, user, period, trust, understanding, communication, belonging, comment);
  }

  SlackRequests.Answer answer(String channel, String user, String period, int trust, int understanding,
                              int communication, int belonging, String comment) {
    ObjectNode values = JSON.createObjectNode();
    int[] scores = {trust, understanding, communication, belonging};
    for (Question q : Question.values()) {
      if (scores[q.ordinal()] > 0) {
        values.putObject(q.blockId()).putObject(AnswerModal.SCORE_ACTION).put("type", "radio_buttons")
            .putObject("selected_option").put("value", String.valueOf(scores[q.ordinal()]));
      }
    }
    ObjectNode text = values.putObject(AnswerModal.COMMENT_BLOCK).putObject(AnswerModal.COMMENT_ACTION)
        .put("type", "plain_text_input");
    if (comment != null) {
      text.put("value", comment);
    } else {
      text.putNull("value");
    }
    return requests.viewSubmission(TEAM, user, AnswerModal.CALLBACK, channel + "|" + period, values);
  }

  /** The text the modal shows after a submission. */
  static String modalText(SlackRequests.Answer answer) {
    return answer.json().path("view").path("blocks").get(0).path("text").path("text").asText();
  }

  String counts(String period) {
    return "rapport:{" + TEAM + "}:pulse:" + CHANNEL + ":period:" + period + ":counts";
  }

  String report(String user, String text) {
    return report(CHANNEL, user, text);
  }

  /**
   * {@code /pulse report} as {@code user}: the report that arrives later through response_url (as JSON
   * text), or the ack's body when the request was refused at once.
   */
  String report(String channel, String user, String text) {
    int before = slack.responded().size();
    SlackRequests.Answer ack = requests.command(TEAM, user, channel, "/pulse", ("report " + text).trim());
    if (!ack.text().contains("Gathering")) {
      return ack.body();
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> slack.responded().size() > before);
    return slack.responded().get(before).body().toString();
  }

  /** {@code user}'s Home tab as published after they open it (the view JSON). */
  String home(String user) {
    int before = slack.calls("views.publish").size();
    requests.event(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload", java.util.Map.of("type",
        "app_home_opened", "user", user, "tab", "home", "channel", "D" + user, "event_ts", "1700000000.000100"));
    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.publish").size() > before);
    // Re-read through Jackson: the app's Gson writes '<' as \u003c.
    return slack.calls("views.publish").get(before).json("view").toString();
  }

  /** The first file uploaded to Slack, waiting for it. */
  FakeApi.File awaitFile() {
    await().atMost(Duration.ofSeconds(15)).until(() -> !slack.api().files().isEmpty());
    return slack.api().files().get(0);
  }

  /** A closed period of 6 people with 5 answers (k): trust 4, understanding 5, communication 2, belonging 3. */
  void shownPeriod() throws Exception {
    List<String> people = team(6);
    start();
    String period = nextPeriod();
    people.subList(0, 5).forEach(u -> answer(u, period, 4, 5, 2, 3, null));
    close();
  }

  /** A daily cadence at a time {@code hoursAhead} from now in {@code zone}, so the scheduler never fires it. */
  static String dailyCadence(int hoursAhead, String zone) {
    java.time.LocalTime at = java.time.ZonedDateTime.now(java.time.ZoneId.of(zone)).plusHours(hoursAhead)
        .toLocalTime();
    return String.format(Locale.ROOT, "every day at %02d:%02d tz %s", at.getHour(), at.getMinute(), zone);
  }

  /** Slack's date token for {@code at}, as every time shown to a person starts. */
  static String slackDate(Instant at) {
    return "<!date^" + at.getEpochSecond() + "^";
  }
}
