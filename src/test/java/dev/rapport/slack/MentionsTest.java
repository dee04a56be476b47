package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading mentions out of command text, in time linear in the text whatever it holds. */
class MentionsTest {

  @Test
  void readsEveryMentionOnceInOrderEvenWithSpacesInDisplayNames() {
    assertThat(Mentions.users("<@U1|Ann Lee>  <@W2>\t<@U1|ann> <@U3|Bo  B>")).containsExactly("U1", "W2", "U3");
    assertThat(Mentions.users("   ")).isEmpty();
  }

  @Test
  void refusesAWordThatIsNotAMention() {
    assertThatThrownBy(() -> Mentions.users("<@U1> alex")).isInstanceOf(UserError.class)
        .hasMessageContaining("alex");
  }

  @Test
  void splitsExactlyWhereTheOldPatternSplit() {
    Random random = new Random(13);
    char[] alphabet = {' ', ' ', '\t', '\n', '<', '>', '@', 'U', '1', '|', 'a'};
    for (int run = 0; run < 20_000; run++) {
      char[] text = new char[random.nextInt(14)];
      for (int i = 0; i < text.length; i++) {
        text[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(text).trim();
      List<String> old = Arrays.stream(s.split("\\s+(?![^<]*>)")).filter(w -> !w.isEmpty()).toList();
      assertThat(Mentions.words(s)).as("«%s»", s).isEqualTo(old);
    }
  }

  /** The regex this replaced took 9.7 s on this input; the bound is generous, the old code misses it by far. */
  @Test
  void pathologicalWhitespaceBeforeAClosingBracketIsLinear() {
    String attack = "x" + " ".repeat(3_990) + ">";
    List<String> words = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> Mentions.words(attack));
    assertThat(words).containsExactly(attack);
    String nested = "<".repeat(1_000) + "@U1 ".repeat(500) + ">".repeat(1_000);
    assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThatThrownBy(() -> Mentions.users(nested))
        .isInstanceOf(UserError.class));
  }
}
