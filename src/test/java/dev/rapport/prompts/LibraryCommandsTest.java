package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testkit.SlackRequests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryCommandsTest extends PromptTestSupport {

  private static List<JsonNode> buttons(JsonNode blocks) {
    List<JsonNode> found = new ArrayList<>();
    blocks.forEach(block -> block.path("elements").forEach(e -> {
      if (e.path("type").asText().equals("button")) {
        found.add(e);
      }
    }));
    return found;
  }

  @Test
  void anAddedPromptIsListedPostedAndCanBeRemoved() {
    SlackRequests.Answer added = empathy(ADMIN, "C110",
        "add empathy What's one thing that made a colleague's day easier this week?"
            + " | Noticing others' days is empathy.");

    assertThat(added.text()).contains("Added `empathy-ws1` to *Expressing empathy*");
    Prompt prompt = library.find(TEAM, "empathy-ws1").orElseThrow();
    assertThat(prompt.why()).isEqualTo("Noticing others' days is empathy.");
    int empathy = library.available(TEAM, Strategy.EMPATHY).size();
    assertThat(empathy(ADMIN, "C110", "list empathy").json().path("blocks").toString())
        .contains("— " + empathy + " in this workspace");
    requests.blockAction(TEAM, ADMIN, "C110", "prompts_list_next", "empathy|" + ((empathy + 9) / 10));
    await().atMost(WAIT).until(() -> !slack.responded().isEmpty());
    assertThat(slack.responded().get(0).body().path("blocks").toString())
        .contains("`empathy-ws1` What's one thing").contains("_(added here)_");

    List<Prompt> cycle = postMany("C110", "empathy", library.available(TEAM, Strategy.EMPATHY).size());
    assertThat(cycle).extracting(Prompt::id).containsOnlyOnce("empathy-ws1");

    assertThat(empathy(ADMIN, "C110", "remove empathy-ws1").text()).contains("Removed `empathy-ws1`");
    assertThat(library.available(TEAM, Strategy.EMPATHY)).extracting(Prompt::id).doesNotContain("empathy-ws1");
  }

  @Test
  void addExplainsWhatIsMissingOrWrong() {
    assertThat(empathy(ADMIN, "C110", "add").text()).contains("Usage: `/empathy add &lt;strategy&gt; &lt;text&gt;");
    assertThat(empathy(ADMIN, "C110", "add listning What did you hear today?").text())
        .contains("`listning` isn't a strategy").contains("`quality-time`");
    assertThat(empathy(ADMIN, "C110", "add listening").text()).contains("What should the prompt ask?");
    assertThat(empathy(ADMIN, "C110", "add listening Hi?").text()).contains("too short");
    String existing = library.available(TEAM, Strategy.LISTENING).get(3).text();
    assertThat(empathy(ADMIN, "C110", "add empathy " + existing).text()).contains("already in the library as `"
        + library.available(TEAM, Strategy.LISTENING).get(3).id() + "`");
    assertThat(library.available(TEAM)).hasSize(LibraryFile.load().size());
  }

  @Test
  void removeNamesUnknownIdsAndSaysWhenNothingChanged() {
    assertThat(empathy(ADMIN, "C110", "remove").text()).contains("Which prompt?");
    assertThat(empathy(ADMIN, "C110", "remove listening-99").text()).contains("There's no prompt `listening-99`");
    assertThat(empathy(ADMIN, "C110", "remove LISTENING-04").text()).contains("Removed `listening-04`")
        .contains((library.available(TEAM, Strategy.LISTENING).size()) + " *Active listening* prompts left");
    assertThat(empathy(ADMIN, "C110", "remove listening-04").text()).contains("already removed");
  }

  @Test
  void theListIsPagedAndNextAndPreviousReplaceThePage() {
    int listening = library.available(TEAM, Strategy.LISTENING).size();
    int pages = (listening + 9) / 10;
    SlackRequests.Answer first = empathy(ADMIN, "C110", "list listening");

    JsonNode blocks = first.json().path("blocks");
    assertThat(first.json().path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(blocks.toString()).contains("page 1 of " + pages).contains("`listening-01`")
        .doesNotContain("`listening-11`");
    assertThat(buttons(blocks)).extracting(b -> b.path("action_id").asText()).containsExactly("prompts_list_next");

    requests.blockAction(TEAM, ADMIN, "C110", "prompts_list_next", buttons(blocks).get(0).path("value").asText());

    await().atMost(WAIT).until(() -> !slack.responded().isEmpty());
    JsonNode second = slack.responded().get(0).body();
    assertThat(second.path("replace_original").asBoolean()).isTrue();
    assertThat(second.path("blocks").toString()).contains("page 2 of " + pages).contains("`listening-11`");
    assertThat(buttons(second.path("blocks"))).extracting(b -> b.path("action_id").asText())
        .containsExactly("prompts_list_previous", "prompts_list_next");
  }

  @Test
  void theWholeListCountsEveryPromptAndSaysHowManyAreRemoved() {
    empathy(ADMIN, "C110", "remove vulnerability-02");

    String blocks = empathy(ADMIN, "C110", "list").json().path("blocks").toString();

    assertThat(blocks).contains("*All prompts* — " + (LibraryFile.load().size() - 1) + " in this workspace")
        .contains("1 removed prompt is not shown");
  }

  @Test
  void aBadStrategyForTheListGetsTheValidOnes() {
    assertThat(empathy(ADMIN, "C110", "list kindness").text()).contains("`kindness` isn't a strategy")
        .contains("`listening`, `empathy`, `vulnerability` or `quality-time`");
  }
}
