package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.schedule.Schedules;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The channel hears about its program: a short post when pairing starts, when a round is made and when it
 * stops (as Donut does), unless the admin turned announcements off in the settings form.
 */
class AnnouncementsTest extends AppTest {

  static final String CHANNEL = "C0NEWS";
  static final String ADMIN = "U001";

  @Autowired
  Schedules schedules;

  @BeforeEach
  void channel() {
    slack.workspace(TEAM).channel(CHANNEL, "U", 6);
    slack.workspace(TEAM).user(ADMIN).admin();
  }

  @Test
  void theChannelHearsWhenPairingStartsWhenARoundIsMadeAndWhenItStops() {
    coffee("start every week on mon at 10:00 tz Europe/Berlin");

    FakeApi.Message started = awaitPost(1);
    String first = "<!date^" + schedules.nextDue(TEAM, "pairing", CHANNEL).orElseThrow().getEpochSecond() + "^";
    assertThat(started.text()).contains("Coffee pairing is starting in this channel")
        .contains("every week on Monday at 10:00 (Europe/Berlin)").contains(first).contains("/coffee leave");

    coffee("now");

    FakeApi.Message round = awaitPost(2);
    assertThat(round.text()).contains("New coffee round").contains("6 people in 3 groups")
        .contains("check your DMs");

    coffee("stop");

    assertThat(awaitPost(3).text()).contains("Coffee pairing has stopped in this channel");
  }

  @Test
  void changingTheScheduleIsNotAnnouncedAsANewStart() {
    coffee("start every week on mon at 10:00 tz UTC");
    awaitPost(1);

    coffee("start every week on tue at 11:00 tz UTC");
    coffee("now");

    awaitPost(2);
    await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(posts()).hasSize(2);
  }

  @Test
  void anAdminCanTurnAnnouncementsOffInTheFormAndStartKeepsThatChoice() {
    coffee("start every week on mon at 10:00 tz UTC");
    awaitPost(1);
    coffee("settings");
    ObjectNode sent = CoffeeSettingsTest.asSubmitted(awaitModal().view());
    assertThat(sent.path("options").path("options").path("selected_options").toString())
        .as("announcements are on, and the form says so").contains("announce");
    sent.with("options").with("options").putArray("selected_options");
    requests.viewSubmission(TEAM, ADMIN, SettingsModal.CALLBACK, CHANNEL, sent);
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.calls("views.update").isEmpty());
    assertThat(slack.calls("views.update").get(0).json("view").toString()).contains("not announced");

    coffee("start every day at 09:00 tz UTC");
    coffee("now");
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.api().intros().size() == 3);
    coffee("stop");

    await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(posts()).as("only the first start was announced").hasSize(1);
  }

  @Test
  void startingInAChannelRapportIsNotInSaysHowToFixItAndChangesNothing() {
    slack.workspace(TEAM).withoutRapport(CHANNEL);

    String answer = coffee("start every week on mon at 10:00 tz UTC");

    assertThat(answer).contains("/invite @Rapport").contains("<#" + CHANNEL + ">").contains("Nothing was changed");
    assertThat(schedules.nextDue(TEAM, "pairing", CHANNEL)).isEmpty();

    slack.workspace(TEAM).inviteRapport(CHANNEL);
    assertThat(coffee("start every week on mon at 10:00 tz UTC")).contains("Coffee pairing is on");
    assertThat(awaitPost(1).text()).contains("Coffee pairing is starting");
  }

  private String coffee(String text) {
    return requests.command(TEAM, ADMIN, CHANNEL, "/coffee", text).text();
  }

  private List<FakeApi.Message> posts() {
    return slack.api().messages(CHANNEL);
  }

  private FakeApi.Message awaitPost(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> posts().size() >= count);
    return posts().get(count - 1);
  }

  private FakeApi.View awaitModal() {
    await().atMost(Duration.ofSeconds(5)).until(() -> !slack.api().views().isEmpty());
    return slack.api().views().get(0);
  }
}
