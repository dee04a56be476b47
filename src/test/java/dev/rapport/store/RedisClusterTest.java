package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import dev.rapport.testkit.TestRedisCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisCluster;

/**
 * Every feature on a real three-master Redis Cluster (REDIS_CLUSTER_NODES): scripts, scans and pipelines
 * work because each workspace's keys share one slot and shared queues have slots of their own.
 */
@DirtiesContext
class RedisClusterTest extends AppTest {

  static final String CHANNEL = "C0CLUSTER";
  static final String ADMIN = "U001";
  static final ObjectMapper JSON = new ObjectMapper();

  private static TestRedisCluster cluster;

  @DynamicPropertySource
  static void clusterNodes(DynamicPropertyRegistry registry) {
    cluster = TestRedisCluster.start();
    registry.add("rapport.redis.cluster-nodes", cluster::nodes);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Autowired
  Schedules schedules;

  @Test
  void coffeePromptsPulseForgetMeAndUninstallAllRunOnACluster() throws Exception {
    List<String> members = slack.workspace(TEAM).channel(CHANNEL, "U", 6);
    slack.workspace(TEAM).user(ADMIN).admin();
    try (JedisCluster redis = cluster.client()) {
      // Coffee: a round, its intros through the outbox, an answer, the stats.
      assertThat(command(ADMIN, "/coffee", "start every week on mon at 10:00 tz UTC").text())
          .contains("Coffee pairing is on");
      command(ADMIN, "/coffee", "now");
      await().atMost(Duration.ofSeconds(20)).until(() -> slack.api().intros().size() == 3);
      FakeApi.Message intro = slack.api().intros().get(0);
      List<String> group = slack.api().groupDmMembers(intro.channel());
      String round = redis.zrange("rapport:{" + TEAM + "}:pairing:" + CHANNEL + ":rounds", 0, -1).get(0);
      await().atMost(Duration.ofSeconds(10)).until(() -> "3".equals(redis.hget("rapport:{" + TEAM + "}:pairing:"
          + CHANNEL + ":stats", "intros")));
      requests.blockAction(TEAM, group.get(0), intro.channel(), "pairing_met",
          CHANNEL + "|" + round + "|" + groupIndex(intro));
      await().atMost(Duration.ofSeconds(10)).until(() -> command(ADMIN, "/coffee", "stats").text()
          .contains("Meeting rate: 33% (2 of 6 people whose intro arrived met; 1 answered)"));
      // A member's status reads programs and schedules in pipelines that span the cluster's slots.
      assertThat(command(group.get(0), "/coffee", "status").text()).contains("Next round")
          .contains("Your current group");

      // Empathy: a prompt, a thread reply counted once.
      command("U002", "/empathy", "listening");
      // The channel also has the coffee program's announcements.
      await().atMost(Duration.ofSeconds(10)).until(() -> prompts().size() == 1);
      String promptTs = prompts().get(0).ts();
      await().atMost(Duration.ofSeconds(10)).until(() -> !redis.keys("rapport:{" + TEAM + "}:prompts:post:*")
          .isEmpty());
      requests.event(TEAM, SlackRequests.newEventId(), "MessagePayload", Map.of("type", "message",
          "channel", CHANNEL, "user", "U003", "text", "(not read)", "ts", "1790000000.000500",
          "thread_ts", promptTs, "channel_type", "channel"));
      await().atMost(Duration.ofSeconds(10)).until(() -> command(ADMIN, "/empathy", "stats").text().contains("1 repl"));

      // Pulse: a period opens on schedule, invitations go out, an answer is counted once.
      assertThat(requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "start every day at 09:00 tz UTC"))
          .contains("Pulse started");
      Instant due = schedules.nextDue(TEAM, "pulse", CHANNEL).orElseThrow();
      clock.advance(Duration.between(clock.instant(), due).plusSeconds(1));
      await().atMost(Duration.ofSeconds(20)).until(() -> slack.api().messages().stream()
          .filter(m -> m.channel().startsWith("U")).count() == members.size());
      assertThat(command("U002", "/pulse", "").status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api().views().isEmpty());
      JsonNode modal = slack.api().views().get(slack.api().views().size() - 1).view();
      SlackRequests.Answer first = answer("U002", modal);
      assertThat(first.status()).isEqualTo(200);
      assertThat(answer("U002", modal).body()).contains("already answered");
      assertThat(requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "close")).contains("is closed");

      // Forget-me, then uninstall: scans and deletes by the workspace's hash tag.
      requests.blockAction(TEAM, "U004", "D0U004", "pairing_forget", "forget");
      await().atMost(Duration.ofSeconds(10)).until(() -> slack.responded().stream().anyMatch(r -> r.text()
          .contains("Done.")));
      assertThat(cluster.allKeys().stream().filter(k -> k.startsWith("rapport:{" + TEAM + "}"))
          .flatMap(k -> dump(redis, k).stream()).filter(v -> v.contains("U004"))).isEmpty();

      Set<Long> nodesHoldingTheWorkspace = teamNodes();
      assertThat(nodesHoldingTheWorkspace).as("one slot, one node").hasSize(1);

      requests.event(TEAM, SlackRequests.newEventId(), "AppUninstalledPayload", Map.of("type", "app_uninstalled"));
      await().atMost(Duration.ofSeconds(15)).until(() -> cluster.allKeys().stream()
          .noneMatch(k -> k.startsWith("rapport:{" + TEAM + "}")));
      assertThat(redis.zrange("rapport:{schedule}:due", 0, -1)).noneMatch(id -> id.startsWith(TEAM));
    }
  }

  private SlackRequests.Answer command(String user, String command, String text) {
    return requests.command(TEAM, user, CHANNEL, command, text);
  }

  private List<FakeApi.Message> prompts() {
    return slack.api().messages(CHANNEL).stream().filter(m -> m.text() != null && !m.text().startsWith(":coffee:"))
        .toList();
  }


  private static String groupIndex(FakeApi.Message intro) {
    return intro.payload().path("rapport_id").asText().split(":")[3];
  }

  /** Answers the modal that was opened: every question 4, no comment. */
  private SlackRequests.Answer answer(String user, JsonNode modal) {
    ObjectNode values = JSON.createObjectNode();
    String commentBlock = null;
    for (JsonNode block : modal.path("blocks")) {
      if (!block.path("type").asText().equals("input")) {
        continue;
      }
      String id = block.path("block_id").asText();
      JsonNode element = block.path("element");
      if (element.path("type").asText().equals("plain_text_input")) {
        commentBlock = id;
        values.putObject(id).putObject(element.path("action_id").asText()).put("type", "plain_text_input")
            .putNull("value");
      } else {
        values.putObject(id).putObject(element.path("action_id").asText()).put("type", element.path("type").asText())
            .putObject("selected_option").put("value", "4");
      }
    }
    assertThat(commentBlock).isNotNull();
    return requests.viewSubmission(TEAM, user, modal.path("callback_id").asText(),
        modal.path("private_metadata").asText(), values);
  }

  /** Which masters hold keys of the workspace (by key count per node before and after). */
  private Set<Long> teamNodes() {
    return cluster.allKeysByNode().entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(k -> k.startsWith("rapport:{" + TEAM + "}")))
        .map(e -> (long) e.getKey()).collect(Collectors.toSet());
  }

  private static List<String> dump(JedisCluster redis, String key) {
    return switch (redis.type(key)) {
      case "string" -> List.of(String.valueOf(redis.get(key)));
      case "hash" -> List.of(redis.hgetAll(key).toString());
      case "set" -> List.of(redis.smembers(key).toString());
      case "zset" -> List.of(redis.zrange(key, 0, -1).toString());
      case "list" -> List.of(redis.lrange(key, 0, -1).toString());
      default -> List.of();
    };
  }
}
