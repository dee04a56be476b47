package dev.rapport.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * What a command or an action answers. Ephemeral unless {@link #inChannel}; {@link #none()} when the
 * answer is a modal or a message that was already sent.
 */
public record Reply(String text, List<LayoutBlock> blocks, boolean inChannel) {

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

  public boolean isNone() {
    return text.isEmpty() && blocks.isEmpty();
  }
}
