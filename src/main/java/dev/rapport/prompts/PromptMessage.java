package dev.rapport.prompts;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.slack.Mrkdwn;
import java.util.List;

/**
 * The message that carries a prompt into a channel: its strategy, the prompt itself (a header, so it
 * stands out), why it helps, and an invitation to answer in the thread. Prompt texts go in plain_text
 * fields, so nothing in them is read as formatting, and escaped like all user text (a workspace wrote them).
 */
final class PromptMessage {

  static final String INVITATION = ":thread: Answer in the thread, as briefly or as fully as you like. "
      + "A reaction counts too.";

  /** Slack's limit for a header's text. */
  private static final int HEADER_MAX = 150;

  private PromptMessage() {}

  static List<LayoutBlock> blocks(Prompt prompt) {
    Strategy s = prompt.strategy();
    String text = Mrkdwn.escape(prompt.text());
    String why = "Why this helps: " + Mrkdwn.escape(prompt.why());
    return List.of(
        context(c -> c.elements(List.of(markdownText(s.emoji() + " *" + s.label() + "* · empathy prompt")))),
        // Escaping can take a 150-character prompt past the header's 150; then it is a section instead.
        text.length() <= HEADER_MAX ? header(h -> h.text(plainText(pt -> pt.text(text).emoji(true))))
            : section(sec -> sec.text(plainText(pt -> pt.text(text).emoji(true)))),
        context(c -> c.elements(List.of(plainText(pt -> pt.text(why).emoji(true))))),
        context(c -> c.elements(List.of(markdownText(INVITATION)))));
  }

  /** The notification and screen-reader text. */
  static String fallback(Prompt prompt) {
    return prompt.strategy().label() + ": " + Mrkdwn.escape(prompt.text());
  }
}
