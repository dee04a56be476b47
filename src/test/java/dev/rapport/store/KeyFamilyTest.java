package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFamilyTest {

  @Test
  void aWorkspacePatternMatchesAnyWorkspaceAndOnePartPerPlaceholder() {
    KeyFamily left = KeyFamily.table("rapport:{team}:pairing:{channel}:left  PERSON").get(0);

    assertThat(left.matches("rapport:{T0123}:pairing:C0456:left")).isTrue();
    assertThat(left.matches("rapport:{T0123}:pairing:C0:456:left")).as("a placeholder is one part").isFalse();
    assertThat(left.matches("rapport:{T0123}:pairing:C0456:left:more")).isFalse();
    assertThat(left.namesPeople()).isTrue();
    assertThat(left.perWorkspace()).isTrue();
  }

  @Test
  void aSharedPatternsHashTagIsLiteralAndDotsTakeTheRestOfTheKey() {
    List<KeyFamily> families = KeyFamily.table("""
        rapport:{outbox}:pending                      WORKSPACE
        rapport:{team}:schedule:done:{occurrence...}
        """);

    assertThat(families.get(0).matches("rapport:{outbox}:pending")).isTrue();
    assertThat(families.get(0).matches("rapport:{uninstalls}:pending")).isFalse();
    assertThat(families.get(0).namesWorkspaces()).isTrue();
    assertThat(families.get(1).matches("rapport:{T1}:schedule:done:pairing-now|C1:n17@17")).isTrue();
    assertThat(families.get(1).names()).isEmpty();
  }

  @Test
  void aWorkspacesOwnFamilyCannotClaimToNameWorkspaces() {
    assertThatThrownBy(() -> KeyFamily.table("rapport:{team}:pulse:channels  WORKSPACE"))
        .hasMessageContaining("shared");
  }
}
