package dev.rapport.pulse;

import dev.rapport.slack.Mentions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.slack.UserError;
import org.junit.jupiter.api.Test;

class CommandTextTest {

  @Test
  void escapedMentionsGiveTheirUserIds() {
    assertThat(Mentions.users("<@U123|alex> <@W456> <@U123|alex>")).containsExactly("U123", "W456");
    assertThat(Mentions.users("<@U789|Jo Ann>")).containsExactly("U789");
  }

  @Test
  void aPlainNameIsRefusedWithHowToMention() {
    assertThatThrownBy(() -> Mentions.users("@alex")).isInstanceOf(UserError.class)
        .hasMessageContaining("mentioned with @");
  }

  @Test
  void reportWeeksAcceptNumbersWithOrWithoutTheWord() {
    assertThat(PulseResults.weeks("")).isEqualTo(PulseResults.DEFAULT_WEEKS);
    assertThat(PulseResults.weeks("6")).isEqualTo(6);
    assertThat(PulseResults.weeks("12 weeks")).isEqualTo(12);
    assertThat(PulseResults.weeks("3w")).isEqualTo(3);
  }

  @Test
  void reportWeeksOutOfRangeOrNotANumberAreRefused() {
    assertThatThrownBy(() -> PulseResults.weeks("0")).isInstanceOf(UserError.class);
    assertThatThrownBy(() -> PulseResults.weeks("105 weeks")).isInstanceOf(UserError.class);
    assertThatThrownBy(() -> PulseResults.weeks("lots")).isInstanceOf(UserError.class)
        .hasMessageContaining("how many weeks");
  }
}
