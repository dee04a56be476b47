package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers for the empathy-prompt end-to-end tests: a workspace with one admin and two members. */
abstract class PromptTestSupport extends AppTest {

  static final String ADMIN = "UADMIN01";
  static final String MEMBER = "UMEMBER01";
  static final String OTHER = "UMEMBER02";
  static final Duration WAIT = Duration.ofSeconds(10);
  static final Duration POLL = Duration.ofMillis(10);
  /** How often a channel may have a prompt on demand (the default of rapport.prompts.on-demand-every). */
  static final Duration ON_DEMAND_EVERY = Duration.ofMinutes(15);

  @Autowired
  PromptLibrary library;

  @BeforeEach
  void workspace() {
    slack.workspace(TEAM).user(ADMIN).admin();
    slack.workspace(TEAM).user(MEMBER);
    slack.workspace(TEAM).user(OTHER);
  }

  SlackRequests.Answer empathy(String user, String channel, String text) {
    SlackRequests.Answer answer = requests.command(TEAM, user, channel, "/empathy", text);
    assertThat(answer.status()).isEqualTo(200);
    return answer;
  }

  /**
   * {@code /empathy <text>} by a member, an interval after the last; waits until the prompt is posted and
   * recorded; returns it.
   */
  FakeApi.Message postNow(String channel, String text) {
    // A channel gets one prompt on demand per interval: each post here comes one interval after the last.
    clock.advance(ON_DEMAND_EVERY);
    int before = slack.api().messages(channel).size();
    SlackRequests.Answer answer = empathy(MEMBER, channel, text);
    assertThat(answer.text()).as("the post itself is the answer").isEmpty();
    await().atMost(WAIT).pollInterval(POLL).until(() -> slack.api().messages(channel).size() > before);
    FakeApi.Message message = slack.api().messages(channel).get(before);
    await().atMost(WAIT).pollInterval(POLL).until(() -> jedis.exists(postKey(channel, message.ts())));
    return message;
  }

  /** Posts {@code count} prompts on demand, one after the other; returns their prompts in order. */
  List<Prompt> postMany(String channel, String text, int count) {
    List<Prompt> prompts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      prompts.add(promptOf(postNow(channel, text)));
    }
    return prompts;
  }

  /** The prompt a posted message carries (its header is the prompt's text). */
  Prompt promptOf(FakeApi.Message message) {
    String text = header(message);
    return library.available(TEAM).stream().filter(p -> p.text().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("not a prompt of this workspace: " + text));
  }

  static String header(FakeApi.Message message) {
    for (JsonNode block : message.blocks()) {
      if (block.path("type").asText().equals("header")) {
        return block.path("text").path("text").asText();
      }
    }
    throw new AssertionError("no header in " + message.blocks());
  }

  static String postKey(String channel, String ts) {
    return "rapport:{" + TEAM + "}:prompts:post:" + channel + ":" + ts;
  }

  /** A reply in the thread of {@code threadTs}, as Slack delivers it (message.channels). */
  void reply(String eventId, String channel, String threadTs, String replyTs, String user) {
    assertThat(requests.event(TEAM, eventId, "MessagePayload", Map.of("type", "message", "channel", channel,
        "user", user, "text", "my answer", "ts", replyTs, "thread_ts", threadTs, "event_ts", replyTs,
        "channel_type", "channel")).status()).isEqualTo(200);
  }

  /** A reaction added to the message {@code ts}. */
  void react(String eventId, String channel, String ts, String user, String reaction, String eventTs) {
    assertThat(requests.event(TEAM, eventId, "ReactionAddedPayload", Map.of("type", "reaction_added",
        "user", user, "reaction", reaction, "item_user", "UBOT" + TEAM, "event_ts", eventTs,
        "item", Map.of("type", "message", "channel", channel, "ts", ts))).status()).isEqualTo(200);
  }

  /** A reaction removed from the message {@code ts}. */
  void unreact(String eventId, String channel, String ts, String user, String reaction, String eventTs) {
    assertThat(requests.event(TEAM, eventId, "ReactionRemovedPayload", Map.of("type", "reaction_removed",
        "user", user, "reaction", reaction, "item_user", "UBOT" + TEAM, "event_ts", eventTs,
        "item", Map.of("type", "message", "channel", channel, "ts", ts))).status()).isEqualTo(200);
  }

  /** The app's DM channel with {@code user} in the fake. */
  static String dmWith(String user) {
    return slack.api().groupDmOf(List.of(user));
  }
}
