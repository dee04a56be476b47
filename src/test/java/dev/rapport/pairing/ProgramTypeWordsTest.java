package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.pairing.matching.Structure;
import dev.rapport.slack.UserError;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words after {@code type}: each type reads back from the words it is stored as. */
class ProgramTypeWordsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "random", "onboarding", "cross <!subteam^S1|@mentors> <!subteam^S2|@mentees>", "cross <#C1> <#C2>",
      "cross field Team Sales Engineering", "cross field \"Home office\" Berlin \"New York\"",
      "leader <@U1> meets 3", "office field Office mode hybrid",
      "office <!subteam^S1|@berlin> <!subteam^S2> mode virtual"})
  void everyTypeReadsBackFromTheWordsItIsStoredAs(String words) {
    ProgramType type = ProgramTypeWords.parse(words);

    assertThat(ProgramTypeWords.parse(type.words())).isEqualTo(type);
  }

  @org.junit.jupiter.api.Test
  void keywordsIgnoreCaseAndCurlyQuotesGroupWords() {
    assertThat(ProgramTypeWords.parse("CROSS Field “Home office” Berlin Dublin")).isEqualTo(new ProgramType.Cross(
        new ProgramType.Side(ProgramType.SideKind.FIELD, "Home office", "Berlin"),
        new ProgramType.Side(ProgramType.SideKind.FIELD, "Home office", "Dublin")));
  }

  @org.junit.jupiter.api.Test
  void readsEachPartOfAType() {
    assertThat(ProgramTypeWords.parse("leader <@U1|ceo>")).isEqualTo(new ProgramType.Leader("U1", 1));
    assertThat(ProgramTypeWords.parse("office field \"Work place\"")).isEqualTo(new ProgramType.Office("Work place",
        List.of(), Structure.Mode.IN_PERSON));
    assertThat(ProgramTypeWords.parse("cross @mentors @mentees")).isEqualTo(new ProgramType.Cross(
        new ProgramType.Side(ProgramType.SideKind.USERGROUP, null, "mentors"),
        new ProgramType.Side(ProgramType.SideKind.USERGROUP, null, "mentees")));
    assertThat(ProgramTypeWords.split(List.of("size", "3", "type", "leader", "<@U1>")))
        .isEqualTo(new ProgramTypeWords.Split(List.of("size", "3"), "leader <@U1>"));
  }

  @org.junit.jupiter.api.Test
  void mistakesNameTheWordAndShowAnExample() {
    assertThat(catchMessage("cross <!subteam^S1> <#C2>")).contains("Both sides must be user groups, or both "
        + "channels").contains("Examples: `/coffee start");
    assertThat(catchMessage("cross <#C1> <#C1>")).contains("The two sides are the same");
    assertThat(catchMessage("cross field Team Sales")).contains("the two values");
    assertThat(catchMessage("leader <@U1> meets 5")).contains("`meets 1`, `meets 2` or `meets 3`")
        .contains("`meets 5`");
    assertThat(catchMessage("random please")).contains("takes nothing after it").contains("`please`");
    assertThat(catchMessage("")).contains("Which type of program?");
    assertThatThrownBy(() -> ProgramTypeWords.size(ProgramTypeWords.parse("cross <#C1> <#C2>"), 3, 2))
        .isInstanceOf(UserError.class).hasMessageContaining("make pairs");
  }

  private static String catchMessage(String words) {
    try {
      ProgramTypeWords.parse(words);
      return "";
    } catch (UserError e) {
      return e.getMessage();
    }
  }
}
