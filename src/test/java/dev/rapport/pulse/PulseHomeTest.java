package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.RedisMonitor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Home tab offers an open pulse to the people invited to it who haven't answered yet. */
class PulseHomeTest extends PulseAppTest {

  @Test
  void anInvitedMemberSeesAnAnswerButtonOnTheirHomeUntilTheyAnswer() throws Exception {
    team(6);
    start();
    String period = nextPeriod();
    slack.workspace(TEAM).join(CHANNEL, "U077");

    String before = home("U002");
    answer("U002", period, 3, 3, 3, 3, null);
    String after = home("U002");
    String latecomer = home("U077");

    assertThat(before).contains("<#" + CHANNEL + ">").contains(AnswerModal.OPEN_ACTION)
        .contains(CHANNEL + "|" + period).contains("Answer this week's pulse").contains("<!date^");
    assertThat(after).doesNotContain(AnswerModal.OPEN_ACTION);
    assertThat(latecomer).as("not invited to this period").doesNotContain(AnswerModal.OPEN_ACTION);
  }

  @Test
  void theHomeTabReadsThePeriodsSetsWholeSoNoCommandCarriesThePersonsHashes() throws Exception {
    team(6);
    start();
    String period = nextPeriod();
    String sets = "rapport:{" + TEAM + "}:pulse:" + CHANNEL + ":period:" + period + ":";

    List<String> seen = RedisMonitor.during(redis.port(), () -> assertThat(home("U002"))
        .contains(AnswerModal.OPEN_ACTION));

    // The same request reads keys naming U002 (their coffee history, whether they manage a pulse): a command
    // with their hash beside those would tell whose hash it is.
    List<List<String>> onSets = seen.stream().map(RedisMonitor::words)
        .filter(w -> w.size() > 1 && (w.get(1).equals(sets + "invited") || w.get(1).equals(sets + "voters")))
        .toList();
    assertThat(onSets).isNotEmpty().allSatisfy(w -> assertThat(w).as("a whole set, no member named")
        .containsExactly("ZRANGE", w.get(1), "0", "-1"));
  }

  @Test
  void nothingToAnswerOnceThePeriodHasClosed() throws Exception {
    team(6);
    start();
    nextPeriod();
    close();

    assertThat(home("U003")).doesNotContain(AnswerModal.OPEN_ACTION);
  }
}
