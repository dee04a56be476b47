package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.SlackRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SuggestionTest extends PromptTestSupport {

  private static final String SECOND_ADMIN = "UADMIN02";
  private static final String IDEA = "What's a small habit that made your week calmer?";

  /** The review DM an admin got, once it arrived. */
  private FakeApi.Message reviewFor(String admin) {
    await().atMost(WAIT).until(() -> !slack.api().messages(dmWith(admin)).isEmpty());
    return slack.api().messages(dmWith(admin)).get(0);
  }

  private static List<JsonNode> buttons(FakeApi.Message message) {
    List<JsonNode> buttons = new ArrayList<>();
    for (JsonNode block : message.blocks()) {
      block.path("elements").forEach(e -> {
        if (e.path("type").asText().equals("button")) {
          buttons.add(e);
        }
      });
    }
    return buttons;
  }

  private static JsonNode button(FakeApi.Message message, String actionId) {
    return buttons(message).stream().filter(b -> b.path("action_id").asText().equals(actionId)).findFirst()
        .orElseThrow(() -> new AssertionError("no button " + actionId));
  }

  private SlackRequests.Answer click(String user, FakeApi.Message message, String actionId) {
    return requests.blockAction(TEAM, user, message.channel(), actionId,
        button(message, actionId).path("value").asText());
  }

  @Test
  void aSuggestionReachesTheAdminsAndOnceApprovedJoinsTheRotation() {
    SlackRequests.Answer answer = empathy(MEMBER, "C900", "suggest " + IDEA);

    assertThat(answer.text()).contains("Thank you").contains(IDEA);
    FakeApi.Message review = reviewFor(ADMIN);
    assertThat(review.blocks().toString()).contains("<@" + MEMBER + "> suggested").contains(IDEA);
    assertThat(buttons(review)).extracting(b -> b.path("action_id").asText()).containsExactly(
        "prompts_approve_listening", "prompts_approve_empathy", "prompts_approve_vulnerability",
        "prompts_approve_quality-time", "prompts_reject");

    assertThat(click(ADMIN, review, "prompts_approve_listening").status()).isEqualTo(200);

    await().atMost(WAIT).until(() -> !slack.responded().isEmpty());
    assertThat(slack.responded().get(0).text()).contains("<@" + ADMIN + "> approved").contains("listening-ws1");
    assertThat(slack.responded().get(0).body().path("replace_original").asBoolean()).isTrue();
    await().atMost(WAIT).until(() -> !slack.api().messages(dmWith(MEMBER)).isEmpty());
    assertThat(slack.api().messages(dmWith(MEMBER)).get(0).text()).contains("approved").contains("listening-ws1");

    List<Prompt> cycle = postMany("C900", "listening", library.available(TEAM, Strategy.LISTENING).size());
    assertThat(cycle).filteredOn(p -> p.text().equals(IDEA)).singleElement()
        .satisfies(p -> assertThat(p.id()).isEqualTo("listening-ws1"));
  }

  @Test
  void aProposerCanNameTheStrategyAndTheAdminsGetOneApproveButton() {
    empathy(MEMBER, "C900", "suggest quality-time Share a song that gets you going, then listen to two others.");

    FakeApi.Message review = reviewFor(ADMIN);

    assertThat(review.blocks().toString()).contains("for *Quality time*");
    assertThat(buttons(review)).extracting(b -> b.path("action_id").asText())
        .containsExactly("prompts_approve", "prompts_reject");
    assertThat(button(review, "prompts_approve").path("value").asText()).endsWith("|quality-time");
  }

  @Test
  void aRejectedSuggestionIsNotAddedAndTheProposerIsToldKindly() {
    empathy(MEMBER, "C900", "suggest " + IDEA);
    FakeApi.Message review = reviewFor(ADMIN);

    click(ADMIN, review, "prompts_reject");

    await().atMost(WAIT).until(() -> !slack.api().messages(dmWith(MEMBER)).isEmpty());
    assertThat(slack.api().messages(dmWith(MEMBER)).get(0).text()).contains("decided not to add").contains(IDEA);
    assertThat(slack.responded().get(0).text()).contains("rejected");
    assertThat(library.sameText(TEAM, IDEA)).isEmpty();
  }

  @Test
  void onlyTheFirstDecisionCountsAndNonAdminsCannotDecide() {
    empathy(MEMBER, "C900", "suggest " + IDEA);
    FakeApi.Message review = reviewFor(ADMIN);

    click(MEMBER, review, "prompts_approve_empathy");
    await().atMost(WAIT).until(() -> slack.responded().size() == 1);
    assertThat(slack.responded().get(0).text()).contains("Only Rapport admins");
    assertThat(library.sameText(TEAM, IDEA)).isEmpty();

    click(ADMIN, review, "prompts_approve_empathy");
    await().atMost(WAIT).until(() -> slack.responded().size() == 2);
    click(ADMIN, review, "prompts_reject");
    await().atMost(WAIT).until(() -> slack.responded().size() == 3);

    assertThat(slack.responded().get(2).text()).contains("already decided");
    assertThat(library.sameText(TEAM, IDEA)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("empathy-ws1"));
  }

  @Test
  void onceAnAdminDecidesEveryOtherReviewersDmShowsWhoDecidedAndLosesItsButtons() {
    List<FakeApi.Message> reviews = suggestionForTwoAdmins();
    FakeApi.Message mine = reviews.get(0);
    FakeApi.Message theirs = reviews.get(1);

    click(ADMIN, mine, "prompts_approve_listening");

    FakeSlack.Call update = updateOf(theirs);
    assertThat(update.param("ts")).isEqualTo(theirs.ts());
    assertThat(update.param("text")).contains("<@" + ADMIN + "> approved").contains("listening-ws1");
    assertThat(update.json("blocks").toString()).contains("<@" + ADMIN + "> approved")
        .doesNotContain("prompts_approve").doesNotContain("prompts_reject");

    click(SECOND_ADMIN, theirs, "prompts_reject");
    await().atMost(WAIT).until(() -> slack.responded().size() == 2);
    assertThat(slack.responded().get(1).text()).as("a click on a stale DM says who decided")
        .contains("already decided").contains("<@" + ADMIN + "> approved");
    assertThat(library.sameText(TEAM, IDEA)).isPresent();
    assertThat(slack.calls("chat.update")).as("the deciding admin's own DM changes through the button's answer")
        .noneMatch(c -> mine.channel().equals(c.param("channel")));
  }

  @Test
  void aRejectionShowsInEveryReviewersDmToo() {
    List<FakeApi.Message> reviews = suggestionForTwoAdmins();

    click(SECOND_ADMIN, reviews.get(1), "prompts_reject");

    assertThat(updateOf(reviews.get(0)).param("text")).contains("<@" + SECOND_ADMIN + "> rejected").contains(IDEA);
  }

  @Test
  void aReviewDmThatLandsAfterTheDecisionShowsItToo() throws Exception {
    slack.workspace(TEAM).user(SECOND_ADMIN).admin();
    CountDownLatch decided = new CountDownLatch(1);
    slack.on("conversations.open", call -> {
      if (SECOND_ADMIN.equals(call.param("users"))) {
        await().atMost(WAIT).until(() -> decided.getCount() == 0);
      }
      return slack.api().answer(call);
    });
    empathy(MEMBER, "C900", "suggest " + IDEA);
    FakeApi.Message mine = reviewFor(ADMIN);

    click(ADMIN, mine, "prompts_approve_empathy");
    await().atMost(WAIT).until(() -> !slack.responded().isEmpty());
    decided.countDown();

    FakeApi.Message late = reviewFor(SECOND_ADMIN);
    assertThat(updateOf(late).param("text")).contains("<@" + ADMIN + "> approved").contains("empathy-ws1");
  }

  /** A member suggests {@link #IDEA}; returns the review DMs of {@link #ADMIN} and {@link #SECOND_ADMIN}. */
  private List<FakeApi.Message> suggestionForTwoAdmins() {
    slack.workspace(TEAM).user(SECOND_ADMIN).admin();
    empathy(MEMBER, "C900", "suggest " + IDEA);
    return List.of(reviewFor(ADMIN), reviewFor(SECOND_ADMIN));
  }

  /** The chat.update that changed {@code message}, once it came. */
  private FakeSlack.Call updateOf(FakeApi.Message message) {
    await().atMost(WAIT).until(() -> slack.calls("chat.update").stream()
        .anyMatch(c -> message.channel().equals(c.param("channel")) && message.ts().equals(c.param("ts"))));
    return slack.calls("chat.update").stream()
        .filter(c -> message.channel().equals(c.param("channel")) && message.ts().equals(c.param("ts")))
        .findFirst().orElseThrow();
  }

  @Test
  void suggestionsThatCantBePromptsAreRefusedWithTheReason() {
    assertThat(empathy(MEMBER, "C900", "suggest").text()).contains("What would you like to suggest?");
    assertThat(empathy(MEMBER, "C900", "suggest Ask <@U123|bob> about it?").text()).contains("leave out mentions");
    assertThat(empathy(MEMBER, "C900", "suggest " + "Why? ".repeat(40)).text()).contains("at most 150");
    String existing = library.available(TEAM, Strategy.EMPATHY).get(0).text();
    assertThat(empathy(MEMBER, "C900", "suggest " + existing.toUpperCase()).text())
        .contains("already in the library");
    assertThat(slack.calls("users.list")).isEmpty();
  }

  @Test
  void eachPersonCanSendFiveSuggestionsADay() {
    for (int i = 1; i <= 5; i++) {
      assertThat(empathy(MEMBER, "C900", "suggest Idea number " + i + ": what made you curious today?").text())
          .contains("Thank you");
    }

    assertThat(empathy(MEMBER, "C900", "suggest One more: what made you laugh today?").text())
        .contains("tomorrow");
    assertThat(empathy(OTHER, "C900", "suggest What made you laugh today?").text()).contains("Thank you");
    await().atMost(WAIT).until(() -> slack.api().messages(dmWith(ADMIN)).size() == 6);
  }

  @Test
  void withNoAdminToReviewItTheProposerIsTold() {
    slack.workspace(TEAM).user(ADMIN).admin = false;

    empathy(MEMBER, "C900", "suggest " + IDEA);

    await().atMost(WAIT).until(() -> !slack.responded().isEmpty());
    assertThat(slack.responded().get(0).text()).contains("couldn't find a Rapport admin")
        .contains("make someone a Rapport admin").doesNotContain("RAPPORT_ADMINS");
  }
}
