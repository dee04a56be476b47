package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import dev.rapport.testkit.SlackSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OnDemandPromptTest extends PromptTestSupport {

  @Test
  void emptyCommandPostsAPromptWithItsStrategyWhyAndAnInvitationToAnswerInTheThread() {
    FakeApi.Message message = postNow("C100", "");

    Prompt prompt = promptOf(message);
    String blocks = message.blocks().toString();
    assertThat(blocks).contains(prompt.strategy().label()).contains("Why this helps: " + prompt.why())
        .contains("Answer in the thread");
    assertThat(message.text()).isEqualTo(prompt.strategy().label() + ": " + prompt.text());
    assertThat(jedis.hget(postKey("C100", message.ts()), "prompt")).isEqualTo(prompt.id());
  }

  @Test
  void aStrategyWordPicksThatStrategy() {
    assertThat(promptOf(postNow("C100", "vulnerability")).strategy()).isEqualTo(Strategy.VULNERABILITY);
    assertThat(promptOf(postNow("C100", "quality-time")).strategy()).isEqualTo(Strategy.QUALITY_TIME);
  }

  @Test
  void withoutAStrategyTheFourTakeTurnsInAChannel() {
    List<Prompt> prompts = postMany("C100", "", 4);

    assertThat(prompts).extracting(Prompt::strategy).containsExactlyInAnyOrder(Strategy.values());
  }

  @Test
  void aChannelSeesEveryPromptOfAStrategyOnceBeforeAnyRepeatsAndTheNextCycleInANewOrder() {
    int all = library.available(TEAM, Strategy.EMPATHY).size();

    List<String> first = postMany("C200", "empathy", all).stream().map(Prompt::id).toList();
    List<String> second = postMany("C200", "empathy", all).stream().map(Prompt::id).toList();

    assertThat(first).doesNotHaveDuplicates().hasSize(all);
    assertThat(second).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(first);
    assertThat(second).as("a new cycle comes in a new order").isNotEqualTo(first);
    assertThat(second.get(0)).as("no repeat across the cycle boundary").isNotEqualTo(first.get(all - 1));
  }

  @Test
  void anotherChannelHasItsOwnRotation() {
    Prompt here = promptOf(postNow("C300", "listening"));
    List<Prompt> there = postMany("C301", "listening", library.available(TEAM, Strategy.LISTENING).size());

    assertThat(there).extracting(Prompt::id).contains(here.id()).doesNotHaveDuplicates();
  }

  @Test
  void helpListsWhatEmpathyCanDoAndWhichPartsAreForAdmins() {
    String help = empathy(MEMBER, "C100", "help").text();

    assertThat(help).contains("`/empathy` — Post a prompt in this channel now")
        .contains("`/empathy quality-time` — Post a prompt for *quality time* now")
        .contains("`/empathy suggest [strategy] &lt;text&gt;`")
        .contains("`/empathy start &lt;cadence&gt; [strategy]` — Post prompts in this channel on a schedule")
        .contains("`/empathy stats [all]` — How people engaged").contains("_(admins)_");
  }

  @Test
  void aBadStrategyWordGetsTheListOfValidOnes() {
    SlackRequests.Answer answer = empathy(MEMBER, "C100", "listning");

    assertThat(answer.text()).contains("listning").contains("/empathy listening").contains("/empathy empathy")
        .contains("/empathy vulnerability").contains("/empathy quality-time");
    assertThat(slack.api().messages()).isEmpty();
  }

  @Test
  void extraWordsAfterAStrategyAreExplainedNotIgnored() {
    SlackRequests.Answer answer = empathy(MEMBER, "C100", "listening please");

    assertThat(answer.text()).contains("takes no more words").contains("`listening`, `empathy`");
    assertThat(slack.api().messages()).isEmpty();
  }

  @Test
  void theAnswerDoesNotWaitForSlackToAcceptThePost() {
    slack.on("chat.postMessage", call ->
        SlackSamples.apiResponse("chat.postMessage").put("channel", "C100").put("ts", "1700000999.000100"));
    slack.delay("chat.postMessage", 4000);

    long started = System.nanoTime();
    SlackRequests.Answer answer = empathy(MEMBER, "C100", "");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(answer.text()).isEmpty();
    // Slack holds the post for 4 s; the answer didn't wait for it. Now it answers, and the post is recorded.
    slack.releaseDelays();
    await().atMost(WAIT).until(() -> jedis.exists(postKey("C100", "1700000999.000100")));
  }

  @Test
  void whenRapportIsNotInTheChannelThePersonLearnsHowToAddItAndThePromptStaysInTheCycle() {
    slack.on("chat.postMessage", call -> FakeApi.error("not_in_channel"));

    empathy(MEMBER, "C400", "listening");

    await().atMost(WAIT).until(() -> !slack.responded().isEmpty());
    assertThat(slack.responded().get(0).text()).contains("/invite @Rapport").contains("/empathy listening");
    assertThat(jedis.smembers("rapport:{" + TEAM + "}:prompts:rotation:C400:listening:seen")).isEmpty();
  }

  @Test
  void aPostThatFailedDoesNotCountAgainstTheChannelsLimit() {
    slack.workspace(TEAM).withoutRapport("C401");
    empathy(MEMBER, "C401", "listening");
    await().atMost(WAIT).until(() -> !slack.responded().isEmpty());
    assertThat(slack.responded().get(0).text()).contains("/invite @Rapport");

    slack.workspace(TEAM).inviteRapport("C401");

    assertThat(empathy(MEMBER, "C401", "listening").text()).isEmpty();
    await().atMost(WAIT).until(() -> slack.api().messages("C401").size() == 1);
  }

  @Test
  void aSecondPromptInAChannelSoonAfterTheFirstIsRefusedKindlyWithWhenTheNextIsPossibleAdminsToo() {
    postNow("C110", "");
    Instant posted = clock.instant();

    SlackRequests.Answer member = empathy(MEMBER, "C110", "listening");
    SlackRequests.Answer admin = empathy(ADMIN, "C110", "");

    assertThat(member.json().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(member.text()).contains("A prompt was posted here").contains("thread").contains("/empathy start");
    Matcher when = Pattern.compile("<!date\\^(\\d+)\\^").matcher(member.text());
    assertThat(when.find()).as("says when the next is possible, in the reader's time zone").isTrue();
    assertThat(Instant.ofEpochSecond(Long.parseLong(when.group(1))))
        .isBetween(posted.plus(ON_DEMAND_EVERY).minusSeconds(30), posted.plus(ON_DEMAND_EVERY).plusSeconds(30));
    assertThat(admin.text()).as("admins too").contains("A prompt was posted here");

    assertThat(empathy(MEMBER, "C111", "").text()).as("another channel has its own limit").isEmpty();
    await().atMost(WAIT).until(() -> slack.api().messages("C111").size() == 1);
    clock.advance(ON_DEMAND_EVERY);
    assertThat(empathy(MEMBER, "C110", "").text()).as("after the interval").isEmpty();
    await().atMost(WAIT).until(() -> slack.api().messages("C110").size() == 2);
  }

  @Test
  void removedPromptsAreNeverPostedAgain() {
    List<Prompt> listening = library.available(TEAM, Strategy.LISTENING);
    Prompt kept = listening.get(listening.size() - 1);
    for (Prompt p : listening.subList(0, listening.size() - 1)) {
      assertThat(empathy(ADMIN, "C500", "remove " + p.id()).text()).contains("Removed `" + p.id() + "`");
    }

    List<Prompt> posted = postMany("C500", "listening", 3);

    assertThat(posted).extracting(Prompt::id).containsOnly(kept.id());
  }

  @Test
  void whenAStrategyHasNoPromptsLeftThePersonIsToldWhatToDo() {
    for (Prompt p : library.available(TEAM, Strategy.QUALITY_TIME)) {
      empathy(ADMIN, "C600", "remove " + p.id());
    }

    SlackRequests.Answer answer = empathy(MEMBER, "C600", "quality-time");

    assertThat(answer.text()).contains("removed every *Quality time* prompt").contains("/empathy add quality-time");
    Set<Strategy> others = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      others.add(promptOf(postNow("C600", "")).strategy());
    }
    assertThat(others).as("turns skip the empty strategy").doesNotContain(Strategy.QUALITY_TIME).hasSize(3);
  }
}
