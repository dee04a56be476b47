package dev.rapport.prompts;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.rapport.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;

/**
 * The DM an admin gets for a suggestion: who proposed what, and the buttons to decide. Proposers who named
 * a strategy get one Approve button; otherwise there is one per strategy, so the admin picks it.
 */
final class ReviewMessage {

  static final String APPROVE = "prompts_approve";
  static final String REJECT = "prompts_reject";

  private ReviewMessage() {}

  static List<LayoutBlock> blocks(Suggestions.Suggestion s) {
    String about = s.strategy() == null ? "" : " for *" + s.strategy().label() + "*";
    List<BlockElement> buttons = new ArrayList<>();
    if (s.strategy() != null) {
      buttons.add(button(b -> b.actionId(APPROVE).style("primary").text(plainText("Approve"))
          .value(s.id() + "|" + s.strategy().id())));
    } else {
      for (Strategy strategy : Strategy.values()) {
        buttons.add(button(b -> b.actionId(APPROVE + "_" + strategy.id()).text(plainText("Approve as "
            + strategy.label().toLowerCase())).value(s.id() + "|" + strategy.id())));
      }
    }
    buttons.add(button(b -> b.actionId(REJECT).style("danger").text(plainText("Reject")).value(s.id())));
    return List.of(
        section(sec -> sec.text(markdownText(":bulb: <@" + s.by() + "> suggested an empathy prompt" + about
            + ":\n>" + Mrkdwn.escape(s.text())))),
        actions(a -> a.elements(buttons)),
        context(c -> c.elements(List.of(markdownText("Approved prompts join this workspace's library and its "
            + "rotation. Undecided suggestions expire after " + Suggestions.KEEP.toDays() + " days.")))));
  }
}
