package dev.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.ScheduledJob;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * User text never becomes a mention, a link or markup. Each payload goes through each field where people
 * type text — a suggested prompt, an added prompt and its "why", a pulse comment, the words commands echo
 * back — end to end through {@code /slack/events}, and then everything the fake Slack received (every Web API
 * call with its blocks, views and fallback text, every response_url body, every file) and every ack body is
 * searched for a Slack control sequence the app did not write itself. Each scenario also checks that the
 * payload really was shown (as the characters the person typed), so the check can't pass by showing nothing.
 */
class UserTextInjectionTest extends AppTest {

  static final String CHANNEL = "C0INJECT";
  static final String ADMIN = "U0ADMIN";
  static final String MEMBER = "U0MEMBER";
  static final String OTHER = "U0OTHER";
  static final Duration WAIT = Duration.ofSeconds(15);
  private static final AtomicInteger PERIODS = new AtomicInteger();

  /**
   * What people can type that Slack would turn into a ping, a user-group ping, a mention or a disguised link.
   * In slash-command text Slack sends the typed characters escaped ({@link #typed()}), and the real thing —
   * picked from the composer — as the markup itself ({@link #markup}); modal inputs arrive as typed.
   */
  enum Payload {
    HERE("<!here>", "@here"),
    CHANNEL("<!channel>", "@channel"),
    SUBTEAM("<!subteam^S0EVIL|@evil-crew>", "@evil-crew"),
    USER("<@U0EVIL|mallory>", "@mallory"),
    LINK("<https://evil.example|click>", "click");

    final String markup;
    /** What the person saw in their composer when they used the real thing. */
    final String readable;

    Payload(String markup, String readable) {
      this.markup = markup;
      this.readable = readable;
    }

    /** The characters typed into a slash command, as Slack sends them; also how they must be shown. */
    String typed() {
      return markup.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }

  @Autowired
  Schedules schedules;
  @Autowired
  List<ScheduledJob> jobs;

  private SlackTraffic traffic;

  @BeforeEach
  void workspace() {
    traffic = new SlackTraffic(slack);
    slack.workspace(TEAM).channel(CHANNEL, "U0M", 5);
    slack.workspace(TEAM).join(CHANNEL, ADMIN, MEMBER, OTHER);
    slack.workspace(TEAM).user(ADMIN).admin();
  }

  @ParameterizedTest
  @EnumSource(Payload.class)
  void aSuggestedPromptIsShownAsTypedToReviewersInDecisionsInTheChannelAndInIntros(Payload p) {
    String suggestion = "What would you ask " + p.typed() + " over a coffee?";

    assertThat(seen(command(MEMBER, "/empathy", "suggest listening " + suggestion).text())).contains(p.typed());
    FakeApi.Message review = awaitMessage(m -> m.channel().equals(dm(ADMIN)));
    assertThat(seen(review.text())).contains(p.typed());
    assertThat(seen(review.blocks().toString())).contains(p.typed());
    traffic.ack("approve", requests.blockAction(TEAM, ADMIN, review.channel(), "prompts_approve",
        buttonValue(review, "prompts_approve")));
    await().atMost(WAIT).until(() -> slack.responded().stream().anyMatch(r -> r.text().contains("approved")));
    assertThat(seen(awaitMessage(m -> m.channel().equals(dm(MEMBER))).text())).contains(p.typed());

    onlyWorkspacePromptsLeft();
    FakeApi.Message post = postPrompt("listening");
    assertThat(seen(post.text())).contains(p.typed());
    assertThat(seen(post.blocks().toString())).contains(p.typed());
    assertIntroShows(p, p.typed());
    assertThat(seen(reply(ADMIN, "/empathy", "list listening"))).contains(p.typed());

    assertNoMarkupFromUsers();
  }

  @ParameterizedTest
  @EnumSource(Payload.class)
  void anAddedPromptAndItsWhyAreShownAsTypedInTheChannelInIntrosInTheListAndOnRemoval(Payload p) {
    String text = "When did " + p.typed() + " last make you smile?";
    String why = "Because " + p.typed() + " matters to everyone";

    assertThat(seen(command(ADMIN, "/empathy", "add empathy " + text + " | " + why).text())).contains(p.typed());

    onlyWorkspacePromptsLeft();
    FakeApi.Message post = postPrompt("empathy");
    assertThat(seen(post.text())).contains(p.typed());
    assertThat(seen(post.blocks().toString())).contains("When did " + p.typed()).contains("Because " + p.typed());
    assertIntroShows(p, "When did " + p.typed(), "Because " + p.typed());
    assertThat(seen(reply(ADMIN, "/empathy", "list empathy"))).contains(p.typed());
    assertThat(seen(command(ADMIN, "/empathy", "remove empathy-ws1").text())).contains(p.typed());

    assertNoMarkupFromUsers();
  }

  @ParameterizedTest
  @EnumSource(Payload.class)
  void aPromptWithARealMentionOrLinkIsRefusedWithoutEchoingIt(Payload p) {
    String reply = command(MEMBER, "/empathy", "suggest What would you ask " + p.markup + " over a coffee?")
        .text();

    assertThat(reply).contains("leave out mentions");
    assertThat(command(ADMIN, "/empathy", "add listening Ask " + p.markup + " what helps them focus").text())
        .contains("leave out mentions");
    assertNoMarkupFromUsers();
  }

  @ParameterizedTest
  @EnumSource(Payload.class)
  void aPulseCommentIsShownAsTypedInTheReport(Payload p) throws Exception {
    String comment = "Honestly " + p.markup + " was a lot this week\nand *that* is fine";
    command(ADMIN, "/pulse", "start " + cadenceInThreeDays());
    await().atMost(WAIT).until(() -> schedules.get(TEAM, "pulse", CHANNEL).isPresent());
    openPeriod();

    List<String> answering = List.of(ADMIN, MEMBER, OTHER, "U0M001", "U0M002");
    for (String user : answering) {
      answer(user, comment);
    }
    int closing = slack.responded().size();
    command(ADMIN, "/pulse", "close");
    // Closing adds up the sealed answers in the background and answers through the response_url.
    await().atMost(WAIT).until(() -> slack.responded().stream().skip(closing)
        .anyMatch(r -> r.text().contains("is closed")));
    int before = slack.responded().size();
    SlackRequests.Answer report = command(ADMIN, "/pulse", "report");
    // The report may come in the ack or, when it takes longer, through the response_url.
    await().atMost(WAIT).until(() -> SlackTraffic.textOf(report.body()).contains("Honestly")
        || slack.responded().stream().skip(before).anyMatch(r -> r.body().toString().contains("Honestly")));

    assertThat(traffic.contains("Honestly " + p.typed() + " was a lot")).as("the comment, shown as typed").isTrue();
    assertNoMarkupFromUsers();
  }

  @ParameterizedTest
  @EnumSource(Payload.class)
  void wordsACommandEchoesBackAreShownAsTyped(Payload p) {
    command(ADMIN, "/coffee", "start every week on mon at 10:00 tz UTC");
    List<String> echoing = List.of(
        "/coffee %s",
        "/empathy %s",
        "/pulse %s",
        "/coffee avoid %s",
        "/coffee pause until %s",
        "/coffee start every week on %s at 10:00",
        "/coffee start every week on mon at %s",
        "/coffee start every week on mon at 10:00 tz %s",
        "/coffee start every week on mon at 10:00 size %s",
        "/empathy start every week on mon at 10:00 listening %s",
        "/empathy add %s What is a small win from this week?",
        "/empathy list %s",
        "/empathy remove %s",
        "/pulse managers add %s");

    for (String line : echoing) {
      String command = line.substring(0, line.indexOf(' '));
      String text = line.substring(line.indexOf(' ') + 1);
      String typed = seen(reply(ADMIN, command, String.format(text, p.typed())));
      assertThat(typed).as(line + " with the characters typed").containsIgnoringCase(p.typed());
      String picked = seen(reply(ADMIN, command, String.format(text, p.markup)));
      if (!(p == Payload.USER && (line.contains("avoid") || line.contains("managers")))) {
        assertThat(picked).as(line + " with the real thing").containsIgnoringCase(p.readable);
      }
    }
    assertNoMarkupFromUsers();
  }

  private void assertNoMarkupFromUsers() {
    assertThat(traffic.markupNotOurs()).as("Slack markup from user text in what the app sent").isEmpty();
  }

  private SlackRequests.Answer command(String user, String command, String text) {
    SlackRequests.Answer answer = requests.command(TEAM, user, CHANNEL, command, text);
    assertThat(answer.status()).as(command + " " + text).isEqualTo(200);
    return traffic.ack(command + " " + text, answer);
  }

  /** The answer to a command: its ack, or what came through its response_url when the ack was empty. */
  private String reply(String user, String command, String text) {
    int before = slack.responded().size();
    SlackRequests.Answer ack = command(user, command, text);
    if (!ack.text().isEmpty()) {
      return SlackTraffic.textOf(ack.body());
    }
    await().atMost(WAIT).until(() -> slack.responded().size() > before);
    return SlackTraffic.textOf(slack.responded().get(before).body().toString());
  }

  private FakeApi.Message awaitMessage(Predicate<FakeApi.Message> which) {
    await().atMost(WAIT).until(() -> slack.api().messages().stream().anyMatch(which));
    return slack.api().messages().stream().filter(which).findFirst().orElseThrow();
  }

  private static String dm(String user) {
    return slack.api().groupDmOf(List.of(user));
  }

  private static String buttonValue(FakeApi.Message message, String actionId) {
    for (JsonNode block : message.blocks()) {
      for (JsonNode element : block.path("elements")) {
        if (element.path("action_id").asText().equals(actionId)) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no button " + actionId + " in " + message.blocks());
  }

  /** The workspace removed every built-in prompt (as 148 {@code /empathy remove}s would), keeping its own. */
  private void onlyWorkspacePromptsLeft() {
    try (InputStream in = getClass().getResourceAsStream("/prompts/library.yml")) {
      Matcher ids = Pattern.compile("(?m)^\\s*- id: \"([a-z-]+-\\d+)\"").matcher(
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<String> builtIn = new ArrayList<>();
      while (ids.find()) {
        builtIn.add(ids.group(1));
      }
      assertThat(builtIn).hasSize(148);
      jedis.sadd("rapport:{" + TEAM + "}:prompts:removed", builtIn.toArray(String[]::new));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a reader sees: without the invisible word joiner the app puts after an {@code @} in user text. */
  private static String seen(String text) {
    return text.replace("\u2060", "");
  }

  /** {@code /empathy <strategy>} in the channel; the prompt it posted. */
  private FakeApi.Message postPrompt(String strategy) {
    command(MEMBER, "/empathy", strategy);
    return awaitMessage(m -> m.channel().equals(CHANNEL));
  }

  /** Runs a coffee round in the channel now; the first intro it sent. */
  private FakeApi.Message introOfARound() {
    command(ADMIN, "/coffee", "start every week on mon at 10:00 tz UTC");
    command(ADMIN, "/coffee", "now");
    return awaitMessage(m -> m.channel().startsWith("G") && m.blocks() != null
        && m.blocks().toString().contains("Icebreaker"));
  }

  /**
   * A round's intro shows the workspace's prompt as its icebreaker — unless the prompt says "channel", which
   * makes it a channel-only prompt that never opens a coffee chat.
   */
  private void assertIntroShows(Payload p, String... shown) {
    String intro = seen(introOfARound().blocks().toString());
    if (p == Payload.CHANNEL) {
      assertThat(intro).doesNotContain("channel&gt;");
    } else {
      assertThat(intro).contains(shown);
    }
  }

  /** A weekly cadence three days away, so the scheduler never runs it during the test. */
  private static String cadenceInThreeDays() {
    DayOfWeek day = Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek().plus(3);
    return "every week on " + day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT)
        + " at 10:00 tz UTC";
  }

  /** Opens a pulse period now, as the scheduler would (a due time no other test uses). */
  private void openPeriod() throws Exception {
    Schedule schedule = schedules.get(TEAM, "pulse", CHANNEL).orElseThrow();
    ScheduledJob job = jobs.stream().filter(j -> j.kind().equals("pulse")).findFirst().orElseThrow();
    Instant due = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(2))
        .minus(Duration.ofMinutes(10L * PERIODS.incrementAndGet()));
    job.run(new Occurrence(schedule.id() + "@" + due.toEpochMilli(), schedule, due));
  }

  /** {@code /pulse} in the channel, then the modal it opened submitted: every score 4 and {@code comment}. */
  private void answer(String user, String comment) {
    int before = slack.api().views().size();
    command(user, "/pulse", "");
    await().atMost(WAIT).until(() -> slack.api().views().size() > before);
    JsonNode view = slack.api().views().get(before).view();
    ObjectNode values = SlackTraffic.JSON.createObjectNode();
    for (JsonNode block : view.path("blocks")) {
      JsonNode element = block.path("element");
      ObjectNode value = values.putObject(block.path("block_id").asText())
          .putObject(element.path("action_id").asText());
      switch (element.path("type").asText()) {
        case "radio_buttons" -> value.put("type", "radio_buttons").putObject("selected_option")
            .put("value", "4");
        case "plain_text_input" -> value.put("type", "plain_text_input").put("value", comment);
        default -> values.remove(block.path("block_id").asText());
      }
    }
    SlackRequests.Answer submitted = requests.viewSubmission(TEAM, user, view.path("callback_id").asText(),
        view.path("private_metadata").asText(), values);
    assertThat(submitted.status()).isEqualTo(200);
    traffic.ack("pulse answer of " + user, submitted);
  }
}
