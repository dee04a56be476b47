package dev.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lasting-tie flow end to end: four weeks after someone says "We met", one DM asks "Have you talked with them
 * since?" with two buttons; it is asked once; a "Not this time" takes the question back; the program's lasting-tie
 * rate shows only once at least k people answered (k−1 hidden, k shown); forget-me erases the person's answers.
 */
class LastingTiesTest extends AppTest {

  static final String CHANNEL = "C0TIES";
  static final String ADMIN = "U001";
  static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired
  Insights insights;

  record Group(String dm, List<String> members, String value) {}

  @Test
  void fourWeeksAfterWeMetEachPersonIsAskedOnceAndTheRateShowsFromKAnswers() {
    int k = insights.k();
    List<Group> groups = aRoundOfPairs(2 * k);
    // Every pair but the last says "We met", both of them; in the last, one says it and then "Not this time".
    List<String> met = new ArrayList<>();
    for (Group g : groups.subList(0, groups.size() - 1)) {
      for (String user : g.members()) {
        click(user, g.dm(), "pairing_met", g.value());
        met.add(user);
      }
    }
    Group last = groups.get(groups.size() - 1);
    String changedMind = last.members().get(0);
    await().atMost(WAIT).until(() -> slack.responded().size() >= met.size());
    click(changedMind, last.dm(), "pairing_met", last.value());
    await().atMost(WAIT).until(() -> slack.responded().size() >= met.size() + 1);
    click(changedMind, last.dm(), "pairing_not", last.value());
    await().atMost(WAIT).until(() -> slack.responded().size() >= met.size() + 2);

    clock.advance(Duration.ofDays(27));
    await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
    assertThat(questions()).as("not before four weeks").isEmpty();

    clock.advance(Duration.ofDays(1).plusHours(2));
    await().atMost(WAIT).until(() -> questions().size() == met.size());
    assertThat(questions()).extracting(FakeApi.Message::channel).containsExactlyInAnyOrderElementsOf(
        met.stream().map(u -> slack.api().groupDmOf(List.of(u))).toList());
    FakeApi.Message first = questions().get(0);
    assertThat(first.text()).contains(LastingTies.QUESTION);
    assertThat(buttons(first.blocks())).containsExactly(LastingTies.YES, LastingTies.NO);
    assertThat(first.blocks().toString()).contains("optional").contains("asked once");

    // k − 1 answers: the rate stays hidden.
    List<String> answering = met.subList(0, k);
    int yes = 0;
    for (int i = 0; i < k - 1; i++) {
      answer(answering.get(i), i != 1);
      yes += i != 1 ? 1 : 0;
    }
    assertThat(rate().shown()).as("%d answers", k - 1).isFalse();
    assertThat(rate().inWords()).isEqualTo("fewer than " + k + " people");

    // The k-th answer: shown.
    answer(answering.get(k - 1), false);
    Rate shown = rate();
    assertThat(shown.shown()).isTrue();
    assertThat(shown.whole()).isEqualTo(k);
    assertThat(shown.part()).isEqualTo(yes);

    // Asked once: later runs send nothing more, and a second click changes nothing.
    clock.advance(Duration.ofDays(3));
    await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
    assertThat(questions()).hasSize(met.size());
    int before = slack.responded().size();
    click(answering.get(0), slack.api().groupDmOf(List.of(answering.get(0))), LastingTies.NO, value(answering.get(0)));
    await().atMost(WAIT).until(() -> slack.responded().size() > before);
    assertThat(slack.responded().get(before).text()).contains("already answered");
    assertThat(rate().whole()).isEqualTo(k);

    // Forget-me takes the person's answers with them.
    String forgotten = answering.get(0);
    requests.blockAction(TEAM, forgotten, "D0ME", "pairing_forget", "forget");
    await().atMost(WAIT).until(() -> slack.responded().stream().anyMatch(r -> r.text().contains("Done.")));
    assertThat(jedis.hgetAll(TieStore.ties(TEAM, CHANNEL)).keySet()).noneMatch(f -> f.endsWith("|" + forgotten))
        .isNotEmpty();
    assertThat(jedis.zrange(TieStore.asks(TEAM), 0, -1)).noneMatch(f -> f.endsWith("|" + forgotten));
  }

  /**
   * A program of {@code n} people (U001 the admin) meeting every four weeks, and its first round, in pairs;
   * returns its groups. The next round is four weeks away, so moving the clock four weeks on runs at most one.
   */
  private List<Group> aRoundOfPairs(int n) {
    slack.workspace(TEAM).channel(CHANNEL, "U", n);
    slack.workspace(TEAM).user(ADMIN).admin();
    assertThat(requests.command(TEAM, ADMIN, CHANNEL, "/coffee", "start every 4 weeks on mon at 10:00 tz UTC size 2")
        .text()).contains("First round");
    requests.command(TEAM, ADMIN, CHANNEL, "/coffee", "now");
    await().atMost(WAIT).until(() -> slack.api().intros().size() == n / 2);
    List<Group> groups = new ArrayList<>();
    for (FakeApi.Message intro : slack.api().intros()) {
      String value = intro.blocks().findParents("action_id").stream()
          .filter(b -> b.path("action_id").asText().equals("pairing_met")).findFirst().orElseThrow()
          .path("value").asText();
      groups.add(new Group(intro.channel(), slack.api().groupDmMembers(intro.channel()), value));
    }
    return groups;
  }

  private List<FakeApi.Message> questions() {
    return slack.api().messages().stream().filter(m -> m.text() != null
        && m.text().contains(LastingTies.QUESTION)).toList();
  }

  private void click(String user, String channel, String action, String value) {
    assertThat(requests.blockAction(TEAM, user, channel, action, value).status()).isEqualTo(200);
  }

  /** Answers {@code user}'s question and waits for the thanks. */
  private void answer(String user, boolean yes) {
    int before = slack.responded().size();
    click(user, slack.api().groupDmOf(List.of(user)), yes ? LastingTies.YES : LastingTies.NO, value(user));
    await().atMost(WAIT).until(() -> slack.responded().size() > before);
    assertThat(slack.responded().get(before).text()).containsIgnoringCase("noted").doesNotContain("already");
  }

  private String value(String user) {
    FakeApi.Message question = questions().stream()
        .filter(m -> m.channel().equals(slack.api().groupDmOf(List.of(user)))).findFirst().orElseThrow();
    return question.blocks().findParents("action_id").get(0).path("value").asText();
  }

  private Rate rate() {
    return insights.health(TEAM, CHANNEL).orElseThrow().lastingTies();
  }

  private static List<String> buttons(JsonNode blocks) {
    return blocks.findParents("action_id").stream().map(b -> b.path("action_id").asText()).toList();
  }
}
