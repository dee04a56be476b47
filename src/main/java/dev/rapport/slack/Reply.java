package dev.rapport.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * What a command or an action answers, always ephemeral; {@link #none()} when the answer is a modal or a
 * message that was already sent. Answered later ({@link AnswerLater}), {@link #replacingOriginal()} takes
 * the place of the message whose button was clicked (e.g. the next page of a list).
 */
public record Reply(String text, List<LayoutBlock> blocks, boolean replaceOriginal) {

  private static final Reply NONE = new Reply("", List.of(), false);

  public Reply {
    text = text == null ? "" : text;
    blocks = blocks == null ? List.of() : List.copyOf(blocks);
  }

  public static Reply text(String text) {
    return new Reply(text, List.of(), false);
  }

  public static Reply blocks(String fallbackText, List<LayoutBlock> blocks) {
    return new Reply(fallbackText, blocks, false);
  }

  public static Reply none() {
    return NONE;
  }

  /** The same answer, replacing the message whose button was clicked instead of adding one. */
  public Reply replacingOriginal() {
    return new Reply(text, blocks, true);
  }

  public boolean isNone() {
    return text.isEmpty() && blocks.isEmpty();
  }
}
