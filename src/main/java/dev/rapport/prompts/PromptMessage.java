package dev.rapport.prompts;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * The message that carries a prompt into a channel: its strategy, the prompt itself (a header, so it
 * stands out; prompts fit the header's 150 characters), why it helps, and an invitation to answer in the
 * thread. Prompt texts go in plain_text fields, so nothing in them is read as formatting.
 */
final class PromptMessage {

  static final String INVITATION = ":thread: Answer in the thread, as briefly or as fully as you like. "
      + "A reaction counts too.";

  private PromptMessage() {}

  static List<LayoutBlock> blocks(Prompt prompt) {
    Strategy s = prompt.strategy();
    return List.of(
        context(c -> c.elements(List.of(markdownText(s.emoji() + " *" + s.label() + "* · empathy prompt")))),
        header(h -> h.text(plainText(pt -> pt.text(prompt.text()).emoji(true)))),
        context(c -> c.elements(List.of(plainText(pt -> pt.text("Why this helps: " + prompt.why())
            .emoji(true))))),
        context(c -> c.elements(List.of(markdownText(INVITATION)))));
  }

  /** The notification and screen-reader text. */
  static String fallback(Prompt prompt) {
    return prompt.strategy().label() + ": " + prompt.text();
  }
}
