package dev.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.RedisContents;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /coffee forget-me} leaves nothing in Redis that names the person, whatever they did in every
 * feature, and runs at most once a minute per person.
 */
class ForgetMeTest extends AppTest {

  static final String CHANNEL = "C0FORGET";
  static final String ADMIN = "U001";
  /** Someone who used everything: a member, an admin (so a reviewer), a pulse manager, a proposer. */
  static final String ME = "U004";

  @Autowired
  Outbox outbox;

  @BeforeEach
  void aTeamOfNine() {
    slack.workspace(TEAM).channel(CHANNEL, "U", 9);
    slack.workspace(TEAM).user(ADMIN).admin();
    slack.workspace(TEAM).user(ME).admin();
  }

  @Test
  void forgetMeLeavesNoKeyOrValueNamingThePerson() {
    usedEverything();
    assertThat(RedisContents.mentions(jedis, ME)).as("before").isNotEmpty()
        .anyMatch(found -> found.contains(":prompts:suggestion:"))
        .anyMatch(found -> found.contains(":prompts:suggest:today:" + ME))
        .anyMatch(found -> found.startsWith("rapport:{outbox}:dead"));

    forgetMe();

    assertThat(RedisContents.mentions(jedis, ME)).as("after").isEmpty();
    assertThat(empathy("U005", "suggest What made you laugh this week?").text()).as("others' suggestions still work")
        .contains("Thank you");
  }

  @Test
  void aSecondForgetMeWithinAMinuteDoesNothingAndSaysSo() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    forgetMe();
    assertThat(coffee(ME, "avoid <@U006>").text()).contains("won't be paired");

    requests.blockAction(TEAM, ME, "D0ME", "pairing_forget", "forget");

    await().atMost(Duration.ofSeconds(10)).until(() -> slack.responded().stream()
        .anyMatch(r -> r.text().contains("less than a minute ago") && r.text().contains("try in a minute")));
    assertThat(jedis.smembers("rapport:{" + TEAM + "}:pairing:avoid:" + ME)).as("not erased again")
        .containsExactly("U006");
    assertThat(jedis.keys("rapport:{" + TEAM + "}:people:forgetting:*")).singleElement()
        .satisfies(mark -> assertThat(jedis.ttl(mark)).isBetween(1L, 60L));
  }

  /** The person touches every feature that keeps something about people. */
  private void usedEverything() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    coffee(ME, "avoid <@U006>");
    coffee("U007", "avoid <@" + ME + ">");
    coffee(ADMIN, "now");
    await().atMost(Duration.ofSeconds(15)).until(() -> slack.api().messages().stream()
        .filter(m -> m.text() != null && m.text().startsWith(":coffee: Coffee time")).count() == 4);
    coffee(ME, "pause 2w");
    assertThat(requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "managers add <@" + ME + ">").status()).isEqualTo(200);
    // Two suggestions of their own wait for review; one of someone else's made them a reviewer.
    assertThat(empathy(ME, "suggest What is one thing you learned from a colleague?").text()).contains("Thank you");
    assertThat(empathy(ME, "suggest Who helped you this month, and how?").text()).contains("Thank you");
    assertThat(empathy("U005", "suggest What are you looking forward to?").text()).contains("Thank you");
    // They scheduled prompts here (so they hear if one fails) and rejected that suggestion (which every
    // reviewer's DM then says).
    assertThat(empathy(ME, "start every day at 10:00 tz UTC").text()).contains("Rapport will post");
    String myDm = slack.api().groupDmOf(List.of(ME));
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.api().messages(myDm).stream()
        .anyMatch(m -> m.blocks() != null && m.blocks().toString().contains("looking forward")));
    String suggestion = slack.api().messages(myDm).stream().map(m -> m.blocks().toString())
        .filter(b -> b.contains("looking forward")).findFirst().orElseThrow()
        .replaceAll("(?s).*\"action_id\":\"prompts_reject\"[^}]*\"value\":\"([^\"]+)\".*", "$1");
    requests.blockAction(TEAM, ME, myDm, "prompts_reject", suggestion);
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("chat.update").size() == 1);
    // A delivery that names them was given up on.
    slack.on("chat.postMessage", call -> call.param("channel").equals("C0GONE")
        ? FakeApi.error("channel_not_found") : slack.api().answer(call));
    outbox.send(Delivery.post(TEAM, "C0GONE", "test:note-for:" + ME, "hello", null));
    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.stats(TEAM).deadLettered() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> jedis.hlen("rapport:{outbox}:items") == 0);
  }

  private void forgetMe() {
    requests.blockAction(TEAM, ME, "D0ME", "pairing_forget", "forget");
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.responded().stream()
        .anyMatch(r -> r.text().contains("Done.")));
    assertThat(slack.responded()).extracting(FakeSlack.Responded::text)
        .anyMatch(t -> t.contains("pending prompt suggestions are withdrawn"));
  }

  private dev.rapport.testkit.SlackRequests.Answer coffee(String user, String text) {
    return requests.command(TEAM, user, CHANNEL, "/coffee", text);
  }

  private dev.rapport.testkit.SlackRequests.Answer empathy(String user, String text) {
    return requests.command(TEAM, user, CHANNEL, "/empathy", text);
  }
}
