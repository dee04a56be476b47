package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The start-up loader refuses a library that breaks the rules, naming each problem. */
class LibraryLoaderTest {

  /** A valid library: 30 prompts per strategy, one YAML entry each. */
  private static List<String> validEntries() {
    List<String> entries = new ArrayList<>();
    for (Strategy s : Strategy.values()) {
      for (int i = 1; i <= LibraryFile.MIN_PER_STRATEGY; i++) {
        String id = String.format("%s-%02d", s.id(), i);
        entries.add("  - id: \"" + id + "\"\n    strategy: \"" + s.id() + "\"\n    text: \"Question number " + i
            + " about " + s.id() + "?\"\n    why: \"Reason " + i + " for " + s.id() + ".\"\n");
      }
    }
    return entries;
  }

  private static List<Prompt> parse(List<String> entries) {
    String yaml = "prompts:\n" + String.join("", entries);
    return LibraryFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Prompt> parseWithFirst(UnaryOperator<String> change) {
    List<String> entries = validEntries();
    entries.set(0, change.apply(entries.get(0)));
    return parse(entries);
  }

  @Test
  void aValidLibraryLoads() {
    assertThat(parse(validEntries())).hasSize(120);
  }

  @Test
  void duplicateIdsAreRefused() {
    List<String> entries = validEntries();
    entries.set(1, entries.get(1).replace("listening-02", "listening-01"));

    assertThatThrownBy(() -> parse(entries)).hasMessageContaining("listening-01: duplicate id");
  }

  @Test
  void theSameTextTwiceIsRefusedWhateverItsCaseOrPunctuation() {
    List<String> entries = validEntries();
    entries.set(1, entries.get(1).replace("Question number 2 about listening?", "question NUMBER 1, about listening!"));

    assertThatThrownBy(() -> parse(entries)).hasMessageContaining("listening-02: same text as listening-01");
  }

  @Test
  void anUnknownStrategyIsRefusedWithTheValidOnes() {
    assertThatThrownBy(() -> parseWithFirst(e -> e.replace("strategy: \"listening\"", "strategy: \"listning\"")))
        .hasMessageContaining("strategy `listning` is not one of `listening`, `empathy`, `vulnerability` or "
            + "`quality-time`");
  }

  @Test
  void aTextTooLongForAPlainTextFieldIsRefused() {
    String longText = "Why ".repeat(40) + "?";

    assertThatThrownBy(() -> parseWithFirst(e -> e.replace("Question number 1 about listening?", longText)))
        .hasMessageContaining("listening-01: text is 161 characters, at most 150");
  }

  @Test
  void unknownFieldsMissingWhysAndIdsOfAnotherStrategyAreAllListed() {
    List<String> entries = validEntries();
    entries.set(0, entries.get(0) + "    tags: \"x\"\n");
    entries.set(1, entries.get(1).replaceAll("    why: .*\n", ""));
    entries.set(2, entries.get(2).replace("listening-03", "empathy-99"));

    assertThatThrownBy(() -> parse(entries)).hasMessageContaining("listening-01: unknown field `tags`")
        .hasMessageContaining("listening-02: missing why")
            .hasMessageContaining("empathy-99: id should be `listening-NN`");
  }

  @Test
  void aStrategyWithFewerThan30PromptsIsRefused() {
    List<String> entries = validEntries();
    entries.remove(0);

    assertThatThrownBy(() -> parse(entries)).hasMessageContaining("listening: 29 prompts, at least 30 needed");
  }
}
