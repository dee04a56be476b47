package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.FakeApi;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A scheduled prompt Slack refuses (Rapport was removed from the channel) is not a silent dead letter: the
 * admin who scheduled it hears what failed, where and how to fix it, and the channel's own
 * {@code /empathy stats} shows it in plain words, while other channels' and other features' stats don't.
 */
class PromptFailureTest extends PromptTestSupport {

  static final String CHANNEL = "C0PFAIL";
  static final String OTHER_ADMIN = "UADMIN02";
  static final String COFFEE = "C0PCOFFEE";

  @Autowired
  Schedules schedules;
  @Autowired
  Outbox outbox;

  @BeforeEach
  void anotherAdminAndACoffeeChannel() {
    slack.workspace(TEAM).user(OTHER_ADMIN).admin();
    slack.workspace(TEAM).channel(COFFEE, "UC", 4);
  }

  @Test
  void theAdminWhoScheduledAPromptSlackRefusedIsToldWhatFailedWhereAndHowToFixIt() {
    failOneScheduledPrompt();

    await().atMost(WAIT).until(() -> !slack.api().messages(dmWith(ADMIN)).isEmpty());
    FakeApi.Message dm = slack.api().messages(dmWith(ADMIN)).get(0);
    assertThat(dm.text()).contains("<#" + CHANNEL + ">").contains("wasn't posted")
        .contains("Rapport isn't a member").contains("/invite @Rapport").contains("/empathy stop")
        .doesNotContain("not_in_channel");
    assertThat(slack.api().messages(dmWith(OTHER_ADMIN))).as("only the admin who scheduled it").isEmpty();
  }

  @Test
  void theFailureShowsInThatChannelsStatsInPlainWordsAndNowhereElse() {
    assertThat(requests.command(TEAM, ADMIN, COFFEE, "/coffee", "start every week on mon at 10:00 tz UTC").text())
        .contains("Coffee pairing is on");
    failOneScheduledPrompt();
    await().atMost(WAIT).until(() -> outbox.stats(TEAM).deadLettered() == 1);

    String here = empathy(ADMIN, CHANNEL, "stats").json().toString();
    assertThat(here).contains("1 scheduled prompt wasn't posted").contains("Rapport isn't a member")
        .contains("/invite @Rapport").doesNotContain("not_in_channel").doesNotContain("ead-letter");

    assertThat(empathy(ADMIN, COFFEE, "stats").json().toString()).as("another channel's empathy stats")
        .doesNotContain("wasn't posted");
    String coffee = requests.command(TEAM, ADMIN, COFFEE, "/coffee", "stats").text();
    assertThat(coffee).as("coffee stats of another channel").contains("Delivery problems: none")
        .doesNotContain("ead-letter");
  }

  /** Schedules prompts in {@link #CHANNEL}, then Rapport is removed from it, then the prompt is due. */
  private void failOneScheduledPrompt() {
    LocalTime at = LocalTime.now(ZoneOffset.UTC).plusMinutes(2).truncatedTo(ChronoUnit.MINUTES);
    assertThat(empathy(ADMIN, CHANNEL, "start every day at " + at + " tz UTC").text()).contains("Rapport will post");
    Instant due = schedules.nextDue(TEAM, PromptJob.KIND, CHANNEL).orElseThrow();
    slack.workspace(TEAM).withoutRapport(CHANNEL);

    clock.set(due.plusSeconds(1));

    await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").stream()
        .anyMatch(c -> CHANNEL.equals(c.param("channel"))));
  }
}
