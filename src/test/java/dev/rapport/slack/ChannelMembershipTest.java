package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scheduling something that posts in a channel Rapport isn't in is refused at once, with how to fix it
 * ({@code /invite @Rapport}), instead of being accepted and failing unheard at the due time.
 */
class ChannelMembershipTest extends AppTest {

  static final String CHANNEL = "C0NOBOT";
  static final String ADMIN = "U001";

  @Autowired
  Schedules schedules;

  @BeforeEach
  void aChannelRapportWasNeverInvitedTo() {
    slack.workspace(TEAM).channel(CHANNEL, "U", 6);
    slack.workspace(TEAM).user(ADMIN).admin();
    slack.workspace(TEAM).withoutRapport(CHANNEL);
  }

  @Test
  void empathyStartWithoutRapportInTheChannelSaysToInviteItAndSchedulesNothing() {
    String answer = command("/empathy", "start every week on mon at 10:00 tz UTC");

    assertThat(answer).contains("/invite @Rapport").contains("<#" + CHANNEL + ">").contains("Nothing was scheduled");
    assertThat(schedules.all(TEAM, "prompts")).isEmpty();

    slack.workspace(TEAM).inviteRapport(CHANNEL);
    assertThat(command("/empathy", "start every week on mon at 10:00 tz UTC")).contains("Rapport will post");
    assertThat(schedules.all(TEAM, "prompts")).singleElement();
  }

  @Test
  void coffeeStartWithoutRapportInTheChannelSaysToInviteItAndStartsNothing() {
    String answer = command("/coffee", "start every week on mon at 10:00 tz UTC");

    assertThat(answer).contains("/invite @Rapport").contains("<#" + CHANNEL + ">");
    assertThat(schedules.all(TEAM, "pairing")).isEmpty();
  }

  @Test
  void pulseStartWithoutRapportInTheChannelSaysToInviteItAndStartsNothing() {
    String answer = command("/pulse", "start every week on mon at 10:00 tz UTC");

    assertThat(answer).contains("/invite @Rapport").contains("<#" + CHANNEL + ">");
    assertThat(schedules.all(TEAM, "pulse")).isEmpty();
  }

  private String command(String command, String text) {
    return requests.command(TEAM, ADMIN, CHANNEL, command, text).text();
  }
}
