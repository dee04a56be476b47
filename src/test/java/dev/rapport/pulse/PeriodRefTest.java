package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An invitation's Answer button (in DMs already sent) and the modal's metadata name a period. */
class PeriodRefTest {

  @Test
  void anAnswerButtonAlreadySentStillNamesItsPeriod() {
    assertThat(PeriodRef.parse("C0TEAM|1700000000000")).isEqualTo(new PeriodRef("C0TEAM", "1700000000000"));
    assertThat(new PeriodRef("C0TEAM", "p1").encode()).isEqualTo("C0TEAM|p1");
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad : new String[] {null, "", "C0TEAM", "C0TEAM|", "|p1", "C0TEAM|p1|x"}) {
      assertThatThrownBy(() -> PeriodRef.parse(bad)).as(String.valueOf(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
