package dev.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.slack.SlackSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** RAPPORT_ADMINS: {@code U…} is an admin in every workspace, {@code T…:U…} in that workspace only. */
@ExtendWith(OutputCaptureExtension.class)
class ConfiguredAdminsTest {

  @Test
  void aWorkspaceScopedEntryMakesAnAdminInThatWorkspaceOnly() {
    ConfiguredAdmins admins = admins(single(), "U0EVERY", "T0ACME:U0ACME", "T0GLOBEX:W0GRID");

    assertThat(admins.includes("T0ACME", "U0ACME")).isTrue();
    assertThat(admins.includes("T0GLOBEX", "U0ACME")).isFalse();
    assertThat(admins.includes("T0GLOBEX", "W0GRID")).isTrue();
    assertThat(admins.includes("T0ACME", "W0GRID")).isFalse();
    assertThat(admins.includes("T0ACME", "U0EVERY")).isTrue();
    assertThat(admins.includes("T0GLOBEX", "U0EVERY")).isTrue();
    assertThat(admins.includes("T0ACME", "U0NOBODY")).isFalse();
    assertThat(admins.of("T0ACME")).containsExactly("U0EVERY", "U0ACME");
    assertThat(admins.of("T0OTHER")).containsExactly("U0EVERY");
  }

  @Test
  void anEntryThatIsNotAnIdStopsStartupNamingIt() {
    for (String bad : List.of("alice", "T0ACME:", "T0ACME:alice", "u0lower", "T0A:U0B:U0C", "<@U0123>")) {
      assertThatThrownBy(() -> new PeopleSettings(List.of("U0GOOD", bad), Duration.ofMinutes(5)))
          .as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("`" + bad + "`").hasMessageContaining("T0123ABC:U0456DEF");
    }
  }

  @Test
  void servingSeveralWorkspacesBareEntriesAreWarnedAboutAtStart(CapturedOutput output) {
    admins(oauth(), "T0ACME:U0ACME");
    assertThat(output).doesNotContain("RAPPORT_ADMINS names");

    admins(single(), "U0EVERY");
    assertThat(output).doesNotContain("RAPPORT_ADMINS names");

    admins(oauth(), "U0EVERY", "T0ACME:U0ACME");
    assertThat(output).contains("RAPPORT_ADMINS names [U0EVERY] without a workspace")
        .contains("T…:U…").doesNotContain("[U0EVERY, U0ACME]");
  }

  private static ConfiguredAdmins admins(SlackSettings slack, String... entries) {
    return new ConfiguredAdmins(new PeopleSettings(List.of(entries), Duration.ofMinutes(5)), slack);
  }

  private static SlackSettings single() {
    return new SlackSettings("xoxb-1", "secret", null, null, null, null, null, null, null, null, null, null);
  }

  private static SlackSettings oauth() {
    return new SlackSettings(null, "secret", null, "111.222", "client-secret", null, null, null, null, null, null,
        null);
  }
}
