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

  /**
   * What a review button decides: the suggestion, and for Approve the strategy it joins. Encoded
   * {@code suggestion|strategy} (Reject: {@code suggestion}) as the buttons' value, in DMs already sent.
   */
  record Choice(String suggestion, Strategy strategy) {

    String encode() {
      return strategy == null ? suggestion : suggestion + "|" + strategy.id();
    }

    /** Read back from {@link #encode()}; a strategy this version doesn't know is a {@code UserError}. */
    static Choice parse(String encoded) {
      String[] parts = encoded.split("\\|", 2);
      return new Choice(parts[0], parts.length > 1 ? Strategy.require(parts[1]) : null);
    }
  }

  static List<LayoutBlock> blocks(Suggestions.Suggestion s) {
    String about = s.strategy() == null ? "" : " for *" + s.strategy().label() + "*";
    List<BlockElement> buttons = new ArrayList<>();
    if (s.strategy() != null) {
      buttons.add(button(b -> b.actionId(APPROVE).style("primary").text(plainText("Approve"))
          .value(new Choice(s.id(), s.strategy()).encode())));
    } else {
      for (Strategy strategy : Strategy.values()) {
        buttons.add(button(b -> b.actionId(APPROVE + "_" + strategy.id()).text(plainText("Approve as "
            + strategy.label().toLowerCase())).value(new Choice(s.id(), strategy).encode())));
      }
    }
    String reject = new Choice(s.id(), null).encode();
    buttons.add(button(b -> b.actionId(REJECT).style("danger").text(plainText("Reject")).value(reject)));
    return List.of(
        section(sec -> sec.text(markdownText(":bulb: <@" + s.by() + "> suggested an empathy prompt" + about
            + ":\n>" + Mrkdwn.escape(s.text())))),
        actions(a -> a.elements(buttons)),
        context(c -> c.elements(List.of(markdownText("Approved prompts join this workspace's library and its "
            + "rotation. Undecided suggestions expire after " + Suggestions.KEEP.toDays() + " days.")))));
  }
}
