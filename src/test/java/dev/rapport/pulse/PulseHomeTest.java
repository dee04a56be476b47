package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;

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
  void nothingToAnswerOnceThePeriodHasClosed() throws Exception {
    team(6);
    start();
    nextPeriod();
    close();

    assertThat(home("U003")).doesNotContain(AnswerModal.OPEN_ACTION);
  }
}
