package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "We met" / "Not this time" belong to the person who clicked, and the intro shows who said what. */
class CoffeeAnswersTest extends CoffeeAppTest {

  static final String CHANNEL = "C0ANSWERS";

  Intro pair;
  Intro trio;

  @BeforeEach
  void aPairAndATrio() {
    slack.workspace(TEAM).user(ADMIN).admin();
    slack.workspace(TEAM).channel(CHANNEL, "M", 5);
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC");
    coffee(ADMIN, CHANNEL, "now");
    List<Intro> intros = intros(CHANNEL, 0, 2);
    await().atMost(WAIT).until(() -> introsLanded(CHANNEL) == 2);
    assertThat(intros).as("intros").extracting(i -> i.members().size()).containsExactlyInAnyOrder(2, 3);
    pair = intros.stream().filter(i -> i.members().size() == 2).findFirst().orElseThrow();
    trio = intros.stream().filter(i -> i.members().size() == 3).findFirst().orElseThrow();
  }

  @Test
  void eachMemberOfATrioKeepsTheirOwnAnswerAndStatsCountPeople() {
    String declined = trio.members().get(0);
    String met = trio.members().get(1);
    String silent = trio.members().get(2);

    answer(declined, trio, IntroMessage.NOT_MET);
    answer(met, trio, IntroMessage.MET);
    answer(pair.members().get(0), pair, IntroMessage.MET);

    assertThat(history(declined)).contains("didn't meet").doesNotContain(":white_check_mark: met");
    assertThat(history(met)).contains(":white_check_mark: met");
    assertThat(history(silent)).contains("no answer").doesNotContain(":white_check_mark: met");
    // The pair met (one of them said so); in the trio only the one who said so: 3 of 5 people.
    assertThat(history(pair.members().get(1))).contains("met");
    assertThat(coffee(ADMIN, CHANNEL, "stats").text())
        .contains("Meeting rate: 60%").contains("3 of 5 people").contains("3 answered");
  }

  @Test
  void theIntroShowsWhoSaidWhatOnceSomeoneAnswers() {
    String met = trio.members().get(1);
    String declined = trio.members().get(0);
    FakeApi.Message intro = slack.api().messages(trio.dm()).get(0);

    answer(met, trio, IntroMessage.MET);

    await().atMost(WAIT).until(() -> !updatesOf(intro).isEmpty());
    String first = updatesOf(intro).get(updatesOf(intro).size() - 1).json("blocks").toString();
    assertThat(first).contains("Answers so far").contains("<@" + met + "> met").doesNotContain("<@" + declined
        + "> not");

    answer(declined, trio, IntroMessage.NOT_MET);

    await().atMost(WAIT).until(() -> updatesOf(intro).size() >= 2);
    String second = updatesOf(intro).get(updatesOf(intro).size() - 1).json("blocks").toString();
    assertThat(second).contains("<@" + met + "> met").contains("<@" + declined + "> not this time")
        .contains("Icebreaker").contains(IntroMessage.MET);
  }

  private List<FakeSlack.Call> updatesOf(FakeApi.Message message) {
    return slack.calls("chat.update").stream()
        .filter(c -> message.channel().equals(c.param("channel")) && message.ts().equals(c.param("ts"))).toList();
  }

  private void answer(String user, Intro intro, String action) {
    int before = slack.responded().size();
    click(user, intro, action);
    await().atMost(WAIT).until(() -> slack.responded().size() > before);
  }

  private String history(String user) {
    return requests.command(TEAM, user, "D0" + user, "/coffee", "history").text();
  }
}
