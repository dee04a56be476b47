package dev.rapport.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.JarProcess;
import dev.rapport.testkit.SlackRequests;
import dev.rapport.testkit.TestRedis;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * Fault drill: the packaged app is killed with SIGKILL in the middle of a round's deliveries and started
 * again on the same Redis. Every intro arrives, exactly once.
 */
class KillMidRoundIT {

  static final String TEAM = "T0KILL";
  static final String SECRET = "kill-drill-secret";
  static final String CHANNEL = "C0KILL";

  @Test
  void anAppKilledMidRoundDeliversEveryIntroExactlyOnceAfterRestart() throws Exception {
    TestRedis redis = TestRedis.startNew();
    try (FakeSlack slack = FakeSlack.start()) {
      slack.workspace(TEAM).channel(CHANNEL, "U", 200);
      slack.workspace(TEAM).user("U001").admin();
      // Slack carries a post out, then takes a while to answer: a kill lands between the two.
      slack.delay("chat.postMessage", 150);
      Map<String, String> env = env(slack, redis);

      JarProcess first = JarProcess.start(env);
      SlackRequests requests = new SlackRequests(first.baseUrl(), SECRET, slack);
      assertThat(requests.command(TEAM, "U001", CHANNEL, "/coffee", "start every week on mon at 10:00 tz UTC").text())
          .contains("Coffee pairing is on");
      requests.command(TEAM, "U001", CHANNEL, "/coffee", "now");
      await().atMost(Duration.ofSeconds(60)).until(() -> slack.api().intros().size() >= 30);
      first.kill();
      int deliveredBeforeTheKill = slack.api().intros().size();
      int historyChecksBefore = slack.calls("conversations.history").size();

      try (JarProcess second = JarProcess.start(env, first.port())) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
            .until(() -> distinctKeys(slack.api().intros()).size() == 100);
        // Nothing queued or in flight any more, so no intro can still come twice.
        try (JedisPooled jedis = redis.client()) {
          await().atMost(Duration.ofSeconds(30)).until(() ->
              java.util.Objects.requireNonNullElse(jedis.hget("rapport:{outbox}:pending", TEAM), "0").equals("0"));
        }
        List<FakeApi.Message> intros = slack.api().intros();

        assertThat(deliveredBeforeTheKill).as("killed mid-round").isBetween(30, 99);
        assertThat(intros).hasSize(100);
        assertThat(distinctKeys(intros)).hasSize(100);
        Map<String, Integer> perDm = new HashMap<>();
        intros.forEach(m -> perDm.merge(m.channel(), 1, Integer::sum));
        assertThat(perDm).hasSize(100).allSatisfy((dm, count) -> assertThat(count).isEqualTo(1));
        assertThat(slack.calls("conversations.history").size()).as("posts Slack may have had were looked up first")
            .isGreaterThan(historyChecksBefore);
        assertThat(second.log()).doesNotContain(SECRET);
      }
    } finally {
      redis.stop();
    }
  }

  private static Map<String, String> env(FakeSlack slack, TestRedis redis) {
    return Map.of(
        "SLACK_API_URL", slack.apiUrl(),
        "SLACK_BOT_TOKEN", FakeSlack.tokenFor(TEAM),
        "SLACK_SIGNING_SECRET", SECRET,
        "REDIS_URL", redis.url(),
        "SPRING_APPLICATION_JSON", "{\"rapport\":{"
            + "\"outbox\":{\"lease\":\"3s\",\"poll-interval\":\"100ms\","
            + "\"per-minute\":{\"conversations.open\":600,\"chat.postMessage\":600,\"conversations.history\":600}},"
            + "\"schedule\":{\"lease\":\"5s\",\"poll-interval\":\"200ms\"}}}");
  }


  private static Set<String> distinctKeys(List<FakeApi.Message> messages) {
    Set<String> keys = new HashSet<>();
    messages.forEach(m -> keys.add(m.payload().path("rapport_id").asText()));
    return keys;
  }
}
