package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.OAuthAppTest;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set, Rapport installs into several workspaces over OAuth. */
class MultiWorkspaceTest extends OAuthAppTest {

  @org.springframework.beans.factory.annotation.Autowired
  Uninstalls uninstalls;

  static final String ACME = "T0ACME";
  static final String GLOBEX = "T0GLOBEX";

  @org.springframework.beans.factory.annotation.Autowired
  Installations installations;

  @Test
  void twoWorkspacesInstallThroughOAuthAndNeverSeeEachOthersData() throws Exception {
    answerOAuthWithTokensForTheCodesWorkspace(3600);
    install(ACME);
    install(GLOBEX);
    assertThat(jedis.exists("rapport:{" + ACME + "}:install:bot")).isTrue();

    // The same channel id in both workspaces, with different people.
    slack.workspace(ACME).channel("C0SAME", "UA", 4);
    slack.workspace(ACME).user("UA001").admin();
    slack.workspace(GLOBEX).channel("C0SAME", "UG", 6);
    slack.workspace(GLOBEX).user("UG001").admin();
    assertThat(requests.command(ACME, "UA001", "C0SAME", "/coffee", "start every week on mon at 10:00 tz UTC").text())
        .contains("Coffee pairing is on");
    assertThat(requests.command(GLOBEX, "UG001", "C0SAME", "/coffee", "start every day at 09:00 tz UTC size 3").text())
        .contains("Coffee pairing is on");
    requests.command(ACME, "UA001", "C0SAME", "/coffee", "now");
    requests.command(GLOBEX, "UG001", "C0SAME", "/coffee", "now");

    // Two intros in each workspace, besides each channel's announcements (start, round).
    await().atMost(Duration.ofSeconds(15)).until(() -> slack.api().messages().size() == 2 + 2 + 4);
    assertThat(slack.calls("chat.postMessage").stream().filter(call -> !call.param("channel").equals("C0SAME")))
        .hasSize(2 + 2).allMatch(call -> {
      List<String> group = slack.api().groupDmMembers(call.param("channel"));
      String team = group.get(0).startsWith("UA") ? ACME : GLOBEX;
      return call.token().equals(FakeSlack.tokenFor(team)) && group.stream().allMatch(u -> u.startsWith("U"
          + team.charAt(2)));
    });
    assertThat(requests.command(ACME, "UA001", "C0SAME", "/coffee", "stats").text())
        .contains("People in the pool (last round): 4").contains("groups of 2");
    assertThat(requests.command(GLOBEX, "UG001", "C0SAME", "/coffee", "stats").text())
        .contains("People in the pool (last round): 6").contains("groups of 3");
    for (String key : jedis.keys("rapport:*")) {
      assertThat(key).matches("rapport:\\{(" + ACME + "|" + GLOBEX + "|outbox|schedule|oauth|requests)}:.*");
    }
    for (String key : jedis.keys("rapport:{" + ACME + "}:*")) {
      assertThat(dump(key)).as(key).doesNotContain("UG0").doesNotContain(GLOBEX);
    }
  }

  @Test
  void anAdminListedForOneWorkspaceIsNoAdminInAnother() throws Exception {
    answerOAuthWithTokensForTheCodesWorkspace(3600);
    install(ACME);
    install(GLOBEX);
    // The same user id reaches both workspaces (a shared channel, a guest account); Slack says no admin.
    slack.workspace(ACME).channel("C0SAME", "UA", 3);
    slack.workspace(ACME).join("C0SAME", "U0SHARED");
    slack.workspace(GLOBEX).channel("C0SAME", "UG", 3);
    slack.workspace(GLOBEX).join("C0SAME", "U0SHARED");

    assertThat(requests.command(ACME, "U0SHARED", "C0SAME", "/coffee", "start every week on mon at 10:00 tz UTC")
        .text()).contains("Coffee pairing is on");
    assertThat(requests.command(GLOBEX, "U0SHARED", "C0SAME", "/coffee", "start every week on mon at 10:00 tz UTC")
        .text()).contains("Only Rapport admins");
    assertThat(jedis.exists("rapport:{" + GLOBEX + "}:pairing:C0SAME:program")).isFalse();
  }

  @Test
  void uninstallingErasesThatWorkspaceOnly() throws Exception {
    answerOAuthWithTokensForTheCodesWorkspace(3600);
    install(ACME);
    install(GLOBEX);
    for (String team : List.of(ACME, GLOBEX)) {
      String u = "U" + team.charAt(2);
      slack.workspace(team).channel("C0SAME", u, 3);
      slack.workspace(team).user(u + "001").admin();
      assertThat(requests.command(team, u + "001", "C0SAME", "/coffee", "start every week on mon at 10:00 tz UTC")
          .text())
          .contains("Coffee pairing is on");
      assertThat(requests.command(team, u + "002", "C0SAME", "/coffee", "avoid <@" + u + "003>").text())
          .contains("Noted");
    }

    SlackRequests.Answer answer = requests.event(ACME, SlackRequests.newEventId(), "AppUninstalledPayload",
        Map.of("type", "app_uninstalled"));

    assertThat(answer.status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> jedis.keys("rapport:{" + ACME + "}:*").isEmpty());
    assertThat(jedis.zrange("rapport:{schedule}:due", 0, -1)).noneMatch(id -> id.startsWith(ACME))
        .anyMatch(id -> id.startsWith(GLOBEX));
    assertThat(jedis.keys("rapport:{" + GLOBEX + "}:*")).isNotEmpty();
    assertThat(requests.command(GLOBEX, "UG001", "C0SAME", "/coffee", "status").text()).contains("<#C0SAME>");
  }

  @Test
  void anUninstallCutShortByAStopIsFinishedWhenAnInstanceStarts() throws Exception {
    answerOAuthWithTokensForTheCodesWorkspace(3600);
    install(ACME);
    slack.workspace(ACME).channel("C0SAME", "UA", 3);
    slack.workspace(ACME).user("UA001").admin();
    assertThat(requests.command(ACME, "UA001", "C0SAME", "/coffee", "start every week on mon at 10:00 tz UTC").text())
        .contains("Coffee pairing is on");
    // What the ack of app_uninstalled leaves when the instance stops before the erasure ran.
    jedis.sadd(Uninstalls.PENDING, ACME);

    uninstalls.resume();

    await().atMost(Duration.ofSeconds(10)).until(() -> jedis.keys("rapport:{" + ACME + "}:*").isEmpty()
        && !jedis.sismember(Uninstalls.PENDING, ACME));
    assertThat(jedis.zrange("rapport:{schedule}:due", 0, -1)).noneMatch(id -> id.startsWith(ACME));
  }

  @Test
  void botTokensAreRotatedBeforeTheyExpire() throws Exception {
    answerOAuthWithTokensForTheCodesWorkspace(60);
    install(ACME);
    slack.workspace(ACME).user("UA001");

    requests.command(ACME, "UA001", "C0ANY", "/coffee", "status");

    // Right after the ack: rotating calls Slack, which never happens before it.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(slack.calls("oauth.v2.access")).anySatisfy(call -> {
        assertThat(call.param("grant_type")).isEqualTo("refresh_token");
        assertThat(call.param("refresh_token")).isEqualTo("xoxe-refresh-" + ACME + "-1");
      });
      assertThat(jedis.exists("rapport:{" + ACME + "}:install:rotating")).as("rotation finished").isFalse();
    });
    // The next rotation spends the refresh token the first one stored (sealed), and hands out only the token.
    var bot = installations.findBot(null, ACME);
    assertThat(slack.calls("oauth.v2.access")).anySatisfy(call ->
        assertThat(call.param("refresh_token")).isEqualTo("xoxe-refresh-" + ACME + "-2"));
    assertThat(bot.getBotAccessToken()).isEqualTo(FakeSlack.tokenFor(ACME));
    assertThat(bot.getBotRefreshToken()).as("never handed out").isNull();
  }

  @Test
  void aRedisScanAfterAnOAuthInstallAndARotationFindsNoTokenInClear() throws Exception {
    answerOAuthWithTokensForTheCodesWorkspace(60);
    install(ACME);
    slack.workspace(ACME).user("UA001");
    assertThat(requests.command(ACME, "UA001", "C0ANY", "/coffee", "status").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> jedis.get("rapport:{" + ACME + "}:install:bot") != null
        && !jedis.exists("rapport:{" + ACME + "}:install:rotating") && slack.calls("oauth.v2.access").stream()
            .anyMatch(call -> "refresh_token".equals(call.param("grant_type"))));

    Map<String, String> everything = dev.rapport.testkit.RedisContents.all(jedis);

    assertThat(everything).containsKey("rapport:{" + ACME + "}:install:bot");
    assertThat(everything.get("rapport:{" + ACME + "}:install:bot")).startsWith("sealed:1:");
    everything.forEach((key, value) -> assertThat(key + " = " + value).as("Redis, everywhere")
        .doesNotContain(FakeSlack.tokenFor(ACME)).doesNotContain("xoxb-").doesNotContain("xoxe-")
        .doesNotContain("client-secret"));
    // ... and the app still reads it: Slack was called with the installed token.
    assertThat(slack.calls()).filteredOn(call -> call.token() != null).isNotEmpty()
        .allSatisfy(call -> assertThat(call.token()).isEqualTo(FakeSlack.tokenFor(ACME)));
  }

  @Test
  void requestsArrivingTogetherSpendTheRefreshTokenOnlyOnce() throws Exception {
    answerOAuthWithTokensForTheCodesWorkspace(60);
    install(ACME);
    slack.workspace(ACME).user("UA001");
    renewalsLast = 12 * 3600;
    slack.delay("oauth.v2.access", 300);

    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var answers = pool.invokeAll(java.util.Collections.nCopies(4,
          () -> requests.command(ACME, "UA001", "C0ANY", "/coffee", "status").status()));
      for (var answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }

    // Slack's refresh tokens are single-use: a second refresh with the same one would fail the install.
    await().atMost(Duration.ofSeconds(10)).until(() -> !jedis.exists("rapport:{" + ACME + "}:install:rotating")
        && slack.calls("oauth.v2.access").stream().anyMatch(call -> "refresh_token".equals(call.param("grant_type"))));
    assertThat(slack.calls("oauth.v2.access")).filteredOn(call -> "refresh_token".equals(call.param("grant_type")))
        .hasSize(1);
  }

  private String dump(String key) {
    return dev.rapport.testkit.RedisContents.dump(jedis, key);
  }

}
