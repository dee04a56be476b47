package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.slack.Mrkdwn;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EngagementTest extends PromptTestSupport {

  private static final String CHANNEL = "C800";

  @Autowired
  PromptPosts posts;

  private String replies(String ts) {
    return jedis.hget(postKey(CHANNEL, ts), "replies");
  }

  private String reactions(String ts) {
    return jedis.hget(postKey(CHANNEL, ts), "reactions");
  }

  @Test
  void aThreadReplyIsCountedOnceEvenWhenSlackRetriesTheEvent() {
    String ts = postNow(CHANNEL, "listening").ts();
    String eventId = SlackRequests.newEventId();

    reply(eventId, CHANNEL, ts, "1700000100.000001", MEMBER);
    reply(eventId, CHANNEL, ts, "1700000100.000001", MEMBER);
    // The same reply under a new event id (a retry that outlived the foundation's dedupe window).
    reply(SlackRequests.newEventId(), CHANNEL, ts, "1700000100.000001", MEMBER);

    assertThat(replies(ts)).isEqualTo("1");
    reply(SlackRequests.newEventId(), CHANNEL, ts, "1700000100.000002", MEMBER);
    assertThat(replies(ts)).isEqualTo("2");
  }

  @Test
  void aReactionOnThePromptIsCountedOnceEvenWhenSlackRetriesTheEvent() {
    String ts = postNow(CHANNEL, "empathy").ts();
    String eventId = SlackRequests.newEventId();

    react(eventId, CHANNEL, ts, MEMBER, "heart", "1700000200.000001");
    react(eventId, CHANNEL, ts, MEMBER, "heart", "1700000200.000001");
    react(SlackRequests.newEventId(), CHANNEL, ts, MEMBER, "heart", "1700000200.000001");

    assertThat(reactions(ts)).isEqualTo("1");
    react(SlackRequests.newEventId(), CHANNEL, ts, OTHER, "tada", "1700000200.000002");
    assertThat(reactions(ts)).isEqualTo("2");
  }

  @Test
  void aRemovedReactionCountsDownOnceAndNeverBelowZero() {
    String ts = postNow(CHANNEL, "empathy").ts();
    react(SlackRequests.newEventId(), CHANNEL, ts, MEMBER, "heart", "1700000210.000001");
    react(SlackRequests.newEventId(), CHANNEL, ts, OTHER, "tada", "1700000210.000002");
    assertThat(reactions(ts)).isEqualTo("2");

    String removal = SlackRequests.newEventId();
    unreact(removal, CHANNEL, ts, MEMBER, "heart", "1700000210.000003");
    unreact(removal, CHANNEL, ts, MEMBER, "heart", "1700000210.000003");
    // The same removal under a new event id (a retry that outlived the foundation's dedupe window).
    unreact(SlackRequests.newEventId(), CHANNEL, ts, MEMBER, "heart", "1700000210.000003");
    assertThat(reactions(ts)).as("one removal, counted once").isEqualTo("1");

    unreact(SlackRequests.newEventId(), CHANNEL, ts, MEMBER, "tada", "1700000210.000004");
    assertThat(reactions(ts)).as("someone else's reaction is not theirs to remove").isEqualTo("1");
    unreact(SlackRequests.newEventId(), CHANNEL, ts, OTHER, "tada", "1700000210.000005");
    unreact(SlackRequests.newEventId(), CHANNEL, ts, OTHER, "tada", "1700000210.000006");
    assertThat(reactions(ts)).as("never below zero").isEqualTo("0");
    assertThat(empathy(ADMIN, CHANNEL, "stats all").json().toString())
        .contains("*Expressing empathy* — 1 posted · 0 replies from 0 people · 0 reactions");

    react(SlackRequests.newEventId(), CHANNEL, ts, MEMBER, "heart", "1700000210.000007");
    assertThat(reactions(ts)).as("added again, counted again").isEqualTo("1");
  }

  @Test
  void statsInAChannelShowThatChannelAndSayHowToSeeTheWholeWorkspace() {
    FakeApi.Message here = postNow(CHANNEL, "listening");
    FakeApi.Message there = postNow("C801", "listening");
    reply(SlackRequests.newEventId(), CHANNEL, here.ts(), "1700000700.000001", MEMBER);
    reply(SlackRequests.newEventId(), "C801", there.ts(), "1700000700.000002", OTHER);
    reply(SlackRequests.newEventId(), "C801", there.ts(), "1700000700.000003", MEMBER);
    react(SlackRequests.newEventId(), "C801", there.ts(), OTHER, "heart", "1700000700.000004");

    String channel = empathy(ADMIN, CHANNEL, "stats").json().toString();
    assertThat(channel).contains("<#" + CHANNEL + ">").contains("/empathy stats all")
        .contains("*Active listening* — 1 posted · 1 reply from 1 person · 0 reactions");

    String workspace = empathy(ADMIN, CHANNEL, "stats all").json().toString();
    assertThat(workspace).contains("whole workspace")
        .contains("*Active listening* — 2 posted · 3 replies from 2 people · 1 reaction");
    assertThat(empathy(ADMIN, "D0ADMIN", "stats").json().toString()).as("in a DM: the workspace")
        .contains("*Active listening* — 2 posted · 3 replies from 2 people · 1 reaction");
    assertThat(empathy(ADMIN, CHANNEL, "stats everything").text()).contains("/empathy stats all");
  }

  @Test
  void editsBotMessagesOtherThreadsAndChannelMessagesAreNotCounted() {
    String ts = postNow(CHANNEL, "listening").ts();

    SlackRequests.Answer edit = requests.event(TEAM, SlackRequests.newEventId(), "MessageChangedPayload", Map.of(
        "type", "message", "subtype", "message_changed", "channel", CHANNEL, "ts", "1700000300.000009",
        "event_ts", "1700000300.000009", "channel_type", "channel",
        "message", Map.of("type", "message", "user", MEMBER, "text", "edited", "ts", "1700000300.000001",
            "thread_ts", ts, "edited", Map.of("user", MEMBER, "ts", "1700000300.000009")),
        "previous_message", Map.of("type", "message", "user", MEMBER, "text", "before", "ts", "1700000300.000001",
            "thread_ts", ts)));
    assertThat(edit.status()).as("acknowledged, so Slack doesn't retry").isEqualTo(200);
    requests.event(TEAM, SlackRequests.newEventId(), "MessagePayload", Map.of("type", "message", "channel", CHANNEL,
        "bot_id", "BOTHER", "text", "a bot", "ts", "1700000300.000002", "thread_ts", ts, "channel_type", "channel"));
    requests.event(TEAM, SlackRequests.newEventId(), "MessagePayload", Map.of("type", "message", "channel", CHANNEL,
        "user", MEMBER, "text", "hello all", "ts", "1700000300.000003", "channel_type", "channel"));
    reply(SlackRequests.newEventId(), CHANNEL, "1600000000.000001", "1700000300.000004", MEMBER);
    react(SlackRequests.newEventId(), CHANNEL, "1600000000.000001", MEMBER, "eyes", "1700000300.000005");

    assertThat(replies(ts)).isEqualTo("0");
    assertThat(reactions(ts)).isEqualTo("0");
    assertThat(jedis.exists(postKey(CHANNEL, "1600000000.000001"))).as("no record for a message that isn't a prompt")
        .isFalse();
  }

  @Test
  void aReplyAlsoSentToTheChannelCountsAsAReply() {
    String ts = postNow(CHANNEL, "vulnerability").ts();

    SlackRequests.Answer answer = requests.event(TEAM, SlackRequests.newEventId(), "MessageThreadBroadcastPayload",
        Map.of("type", "message", "subtype", "thread_broadcast", "channel", CHANNEL, "user", OTHER,
            "text", "shared", "ts", "1700000400.000001", "thread_ts", ts, "event_ts", "1700000400.000001",
            "channel_type", "channel"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(replies(ts)).isEqualTo("1");
  }

  @Test
  void nothingPeopleWroteIsKept() {
    String ts = postNow(CHANNEL, "listening").ts();
    reply(SlackRequests.newEventId(), CHANNEL, ts, "1700000500.000001", MEMBER);

    for (String key : jedis.keys("rapport:{" + TEAM + "}:prompts:*")) {
      String type = jedis.type(key);
      String dump = switch (type) {
        case "string" -> jedis.get(key);
        case "hash" -> jedis.hgetAll(key).toString();
        case "set" -> jedis.smembers(key).toString();
        case "zset" -> jedis.zrange(key, 0, -1).toString();
        case "list" -> jedis.lrange(key, 0, -1).toString();
        default -> "";
      };
      assertThat(dump).as(key).doesNotContain("my answer").doesNotContain(MEMBER);
    }
  }

  @Test
  void statsMatchWhatWasSent() {
    FakeApi.Message first = postNow(CHANNEL, "listening");
    FakeApi.Message second = postNow(CHANNEL, "listening");
    FakeApi.Message third = postNow("C801", "empathy");
    postNow("C801", "quality-time");
    reply(SlackRequests.newEventId(), CHANNEL, first.ts(), "1700000600.000001", MEMBER);
    reply(SlackRequests.newEventId(), CHANNEL, first.ts(), "1700000600.000002", OTHER);
    reply(SlackRequests.newEventId(), CHANNEL, first.ts(), "1700000600.000003", MEMBER);
    reply(SlackRequests.newEventId(), CHANNEL, second.ts(), "1700000600.000004", MEMBER);
    react(SlackRequests.newEventId(), CHANNEL, second.ts(), OTHER, "heart", "1700000600.000005");
    react(SlackRequests.newEventId(), "C801", third.ts(), OTHER, "heart", "1700000600.000006");
    react(SlackRequests.newEventId(), "C801", third.ts(), MEMBER, "tada", "1700000600.000007");

    SlackRequests.Answer stats = empathy(ADMIN, CHANNEL, "stats all");

    String blocks = stats.json().path("blocks").toString();
    assertThat(stats.json().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(blocks).contains("*Active listening* — 2 posted · 4 replies from 2 people · 1 reaction")
        .contains("*Expressing empathy* — 1 posted · 0 replies from 0 people · 2 reactions")
        .contains("*Sharing vulnerability* — 0 posted · 0 replies from 0 people · 0 reactions")
        .contains("*Quality time* — 1 posted · 0 replies from 0 people · 0 reactions");
    Prompt top = promptOf(first);
    Prompt runnerUp = promptOf(second);
    assertThat(blocks).contains("1. " + Mrkdwn.escape(top.text()).replace("\"", "\\\"") + " `" + top.id()
        + "` — 3 replies").contains("2. ").contains("`" + runnerUp.id() + "` — 1 reply");
  }

  @Test
  void statsCoverTheLastEightWeeksOnly() {
    Prompt prompt = library.available(TEAM, Strategy.LISTENING).get(0);
    // Requests are signed with real time, so the older posts are recorded directly, with the clock moved back.
    clock.set(Instant.now().minus(Duration.ofDays(7 * 8)));
    posts.recordPosted(TEAM, CHANNEL, "1600000000.000001", prompt);
    posts.countReply(TEAM, CHANNEL, "1600000000.000001", "1600000000.000002", MEMBER);
    clock.set(Instant.now().minus(Duration.ofDays(7 * 7)));
    posts.recordPosted(TEAM, CHANNEL, "1600000001.000001", prompt);
    clock.reset();

    assertThat(empathy(ADMIN, CHANNEL, "stats").json().path("blocks").toString())
        .contains("*Active listening* — 1 posted · 0 replies from 0 people");
    assertThat(empathy(ADMIN, CHANNEL, "stats all").json().path("blocks").toString())
        .contains("*Active listening* — 1 posted · 0 replies from 0 people");
  }
}
