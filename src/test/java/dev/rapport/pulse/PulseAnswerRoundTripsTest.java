package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.RedisMonitor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What asking to answer costs in Redis, seen with MONITOR while one signed request goes through
 * /slack/events and its modal opens: each fact is read once (not again after the ack), the reads that don't
 * depend on each other go together (the config, the open period and its wrapped key in one script; whether
 * the person was invited and answered in one pipeline), and nothing is written.
 */
class PulseAnswerRoundTripsTest extends PulseAppTest {

  private static final String KEYS = "rapport:{" + TEAM + "}:pulse:" + CHANNEL + ":";

  @Test
  void slashPulseReadsEachFactOnceInAScriptAndAPipelineAndWritesNothing() throws Exception {
    String period = anOpenPeriodWithAModalOpenedOnce();

    List<String> seen = RedisMonitor.during(redis.port(), () -> {
      assertThat(requests.command(TEAM, "U003", CHANNEL, "/pulse", "").body()).isEmpty();
      awaitModals(2);
    });

    String at = "period:" + period + ":";
    assertThat(sent(seen)).as("sent by the app, once each").containsExactly("EVALSHA config",
        "ZSCORE " + at + "invited", "ZSCORE " + at + "voters");
    assertThat(scripted(seen)).as("read by the script, nothing written").containsExactly("HGETALL config",
        "HGETALL " + at + "meta", "GET " + at + "key");
  }

  @Test
  void theDmButtonReadsEachFactOnceAndWritesNothing() throws Exception {
    String period = anOpenPeriodWithAModalOpenedOnce();

    List<String> seen = RedisMonitor.during(redis.port(), () -> {
      requests.blockAction(TEAM, "U003", "DU003", AnswerModal.OPEN_ACTION, CHANNEL + "|" + period);
      awaitModals(2);
    });

    String at = "period:" + period + ":";
    assertThat(sent(seen)).containsExactly("HGETALL " + at + "meta", "GET " + at + "key",
        "ZSCORE " + at + "invited", "ZSCORE " + at + "voters");
    assertThat(scripted(seen)).isEmpty();
  }

  /** A period open to six people, one of whom opened the modal (so the script is loaded on the server). */
  private String anOpenPeriodWithAModalOpenedOnce() throws Exception {
    team(6);
    start();
    String period = nextPeriod();
    awaitDms(6);
    drainOutbox();
    requests.command(TEAM, "U002", CHANNEL, "/pulse", "");
    awaitModals(1);
    return period;
  }

  private void awaitModals(int n) {
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.api().views().size() >= n);
    assertThat(slack.api().views()).hasSize(n).allSatisfy(v -> assertThat(v.callbackId())
        .isEqualTo(AnswerModal.CALLBACK));
  }

  /** The commands on this channel's pulse keys that the app sent, as "COMMAND key" (key without its prefix). */
  private static List<String> sent(List<String> lines) {
    return lines.stream().filter(l -> !RedisMonitor.fromScript(l)).map(PulseAnswerRoundTripsTest::onPulseKey)
        .filter(c -> c != null).toList();
  }

  /** The commands on this channel's pulse keys that scripts ran. */
  private static List<String> scripted(List<String> lines) {
    return lines.stream().filter(RedisMonitor::fromScript).map(PulseAnswerRoundTripsTest::onPulseKey)
        .filter(c -> c != null).toList();
  }

  private static String onPulseKey(String line) {
    List<String> words = RedisMonitor.words(line);
    return words.stream().skip(1).filter(w -> w.startsWith(KEYS)).findFirst()
        .map(key -> words.get(0).toUpperCase() + " " + key.substring(KEYS.length())).orElse(null);
  }
}
