package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackRequests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionTest extends PromptTestSupport {

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
