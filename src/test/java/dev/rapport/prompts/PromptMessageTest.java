package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.SectionBlock;
import org.junit.jupiter.api.Test;

class PromptMessageTest {

  @Test
  void aPromptLongOnceEscapedIsASectionSoSlackStillTakesTheMessage() {
    String text = "Q&A: " + "x".repeat(PromptText.MAX_LENGTH - 5);
    Prompt prompt = new Prompt("listening-ws1", Strategy.LISTENING, text, "It helps & heals.", false);

    var blocks = PromptMessage.blocks(prompt);

    assertThat(blocks.get(1)).isInstanceOf(SectionBlock.class);
    assertThat(((SectionBlock) blocks.get(1)).getText().getText()).startsWith("Q&amp;A: ").hasSize(154);
    assertThat(PromptMessage.fallback(prompt)).contains("Q&amp;A: ");
  }

  @Test
  void aPromptThatFitsIsTheHeader() {
    Prompt prompt = new Prompt("listening-ws1", Strategy.LISTENING, "What is <b> for you?", "Why & how.", false);

    assertThat(PromptMessage.blocks(prompt).get(1)).isInstanceOfSatisfying(HeaderBlock.class,
        h -> assertThat(h.getText().getText()).isEqualTo("What is &lt;b&gt; for you?"));
  }
}
