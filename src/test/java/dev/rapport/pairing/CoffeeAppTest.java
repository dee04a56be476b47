package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;

/** End-to-end coffee pairing tests: what they share (commands, intros, clicks, moving through rounds). */
abstract class CoffeeAppTest extends AppTest {

  static final String ADMIN = "U001";
  static final Duration WAIT = Duration.ofSeconds(15);

  @Autowired
  Schedules schedules;

  SlackRequests.Answer coffee(String user, String channel, String text) {
    return requests.command(TEAM, user, channel, "/coffee", text);
  }

  /** Intros of {@code channel}'s program posted so far, oldest first. */
  List<FakeApi.Message> introMessages(String channel) {
    return slack.api().intros().stream().filter(m -> m.text().contains("<#" + channel + ">")).toList();
  }

  /** An intro as its group saw it: the group DM, who is in it, and its buttons' value (channel|round|group). */
  record Intro(String dm, List<String> members, String value) {
    boolean has(String user) {
      return members.contains(user);
    }

    String other(String user) {
      return members.stream().filter(u -> !u.equals(user)).findFirst().orElseThrow();
    }
  }

  /** Waits for {@code count} intros of {@code channel}'s program and returns the last {@code count - from}. */
  List<Intro> intros(String channel, int from, int count) {
    await().atMost(WAIT).until(() -> introMessages(channel).size() >= count);
    List<Intro> intros = new ArrayList<>();
    for (FakeApi.Message m : introMessages(channel).subList(from, count)) {
      intros.add(new Intro(m.channel(), slack.api().groupDmMembers(m.channel()), buttonValue(m.blocks(),
          IntroMessage.MET)));
    }
    return intros;
  }

  /** The value of the first button with {@code actionId} in {@code blocks}, or null. */
  static String buttonValue(JsonNode blocks, String actionId) {
    List<String> values = buttonValues(blocks, actionId);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Every value of buttons with {@code actionId} in {@code blocks}. */
  static List<String> buttonValues(JsonNode blocks, String actionId) {
    List<String> values = new ArrayList<>();
    for (JsonNode block : blocks == null ? List.<JsonNode>of() : toList(blocks)) {
      for (JsonNode element : toList(block.path("elements"))) {
        if (actionId.equals(element.path("action_id").asText())) {
          values.add(element.path("value").asText());
        }
      }
      if (actionId.equals(block.path("accessory").path("action_id").asText())) {
        values.add(block.path("accessory").path("value").asText());
      }
    }
    return values;
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  /**
   * Runs a round of {@code channel} now (as {@link #ADMIN}) and waits for it; the groups of its intros. Not those
   * of a scheduled round the clock passed meanwhile: only the new round whose id says {@code /coffee now} made it.
   */
  List<List<String>> groupsOfRoundNow(String channel) {
    String rounds = "rapport:{" + TEAM + "}:pairing:" + channel + ":rounds";
    List<String> before = jedis.zrange(rounds, 0, -1);
    SlackRequests.Ack ack = requests.commandAck(TEAM, ADMIN, channel, "/coffee", "now");
    requests.awaitResponse(ack.responseId());
    awaitQuiet();
    String round = jedis.zrange(rounds, 0, -1).stream().filter(r -> r.startsWith("n") && !before.contains(r))
        .findFirst().orElseThrow();
    return introMessages(channel).stream().filter(m -> String.valueOf(buttonValue(m.blocks(), IntroMessage.MET))
        .startsWith(channel + "|" + round + "|")).map(m -> slack.api().groupDmMembers(m.channel())).toList();
  }

  /** Clicks a button of an intro as {@code user}. */
  void click(String user, Intro intro, String action) {
    requests.blockAction(TEAM, user, intro.dm(), action, intro.value());
  }

  /** The id of the program's newest round. */
  String lastRound(String channel) {
    return jedis.zrange("rapport:{" + TEAM + "}:pairing:" + channel + ":rounds", -1, -1).get(0);
  }

  long roundCount(String channel) {
    return jedis.zcard("rapport:{" + TEAM + "}:pairing:" + channel + ":rounds");
  }

  /** Clicks an intro button of group {@code index} of the newest round, as {@code user}. */
  void click(String user, String channel, String action, List<String> group, int index) {
    requests.blockAction(TEAM, user, slack.api().groupDmOf(group), action,
        channel + "|" + lastRound(channel) + "|" + index);
  }

  long introsLanded(String channel) {
    String intros = jedis.hget("rapport:{" + TEAM + "}:pairing:" + channel + ":stats", "intros");
    return intros == null ? 0 : Long.parseLong(intros);
  }

  /** What the app sent to {@code user}'s own DM with it. */
  List<FakeApi.Message> dms(String user) {
    return slack.api().messages(slack.api().groupDmOf(List.of(user)));
  }

  /** The texts sent to response_urls so far whose text contains {@code part}. */
  List<String> responded(String part) {
    return slack.responded().stream().map(FakeSlack.Responded::text).filter(t -> t.contains(part)).toList();
  }

  /** The block_actions response bodies (blocks included) sent so far. */
  List<JsonNode> respondedBodies() {
    return slack.responded().stream().map(FakeSlack.Responded::body).toList();
  }

  /** Moves the clock to just after {@code at}. */
  void advanceTo(Instant at) {
    Duration gap = Duration.between(clock.instant(), at).plusSeconds(1);
    if (!gap.isNegative()) {
      clock.advance(gap);
    }
  }

  /**
   * Waits until nothing is due: no schedule due now or running, and the outbox has delivered (and told its
   * listeners about) everything queued. Deliveries paced to Slack's rate limits would wait in real time; the
   * clock is moved on to each instead (seconds, far from the next round or check-in).
   */
  void awaitQuiet() {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
      long now = clock.millis();
      boolean scheduled = jedis.zcount("rapport:{schedule}:due", 0, now) > 0
          || jedis.hlen("rapport:{schedule}:claims") > 0;
      boolean sending = jedis.zcount("rapport:{outbox}:ready", 0, now) > 0
          || jedis.zcard("rapport:{outbox}:inflight") > 0;
      var paced = jedis.zrangeWithScores("rapport:{outbox}:ready", 0, 0);
      if (!scheduled && !sending && !paced.isEmpty()) {
        clock.advance(Duration.ofMillis(Math.max(1, (long) paced.get(0).getScore() - now + 1)));
      }
      return !scheduled && !sending && paced.isEmpty();
    });
  }

  /** Every text the app showed anyone: messages (text and blocks), views and response_url answers. */
  List<String> everythingShown() {
    List<String> shown = new ArrayList<>();
    for (FakeApi.Message m : slack.api().messages()) {
      shown.add(m.channel() + ": " + m.text() + " " + m.blocks());
    }
    slack.api().views().forEach(v -> shown.add("view: " + v.view()));
    slack.calls("chat.update").forEach(c -> shown.add("update: " + c.params()));
    slack.responded().forEach(r -> shown.add("respond: " + r.body()));
    return shown;
  }

  /** Nothing shown says, or hints, that someone asked not to be paired with someone. */
  static void assertRevealsNoAvoidEntry(List<String> shown) {
    assertThat(shown).allSatisfy(text -> assertThat(text.toLowerCase())
        .doesNotContain("not to be paired").doesNotContain("asked not to").doesNotContain("avoided")
        .doesNotContain("avoids you").doesNotContain("preferences"));
  }
}
