package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/** The answer to "Not this time": partners who haven't answered can be reported as unreachable, privately. */
final class NotMetMessage {

  static final String UNREACHED = "pairing_unreached";
  static final String TEXT = "No worries — noted. There's always next round.";

  private NotMetMessage() {}

  static List<LayoutBlock> blocks(String channel, String round, int group, List<String> silent) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(TEXT))));
    if (!silent.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("Did someone not reply at all? Telling Rapport is private: "
          + "they're never told who said it."))));
      for (String other : silent) {
        blocks.add(section(s -> s.text(markdownText("<@" + other + ">")).accessory(button(b -> b
            .actionId(UNREACHED).value(new GroupRef(channel, round, group).partner(other).encode())
            .text(plainText("Didn't reply"))))));
      }
    }
    return blocks;
  }
}
