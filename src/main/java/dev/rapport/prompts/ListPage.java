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
import dev.rapport.slack.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One page of {@code /empathy list}: the prompts a workspace can post (of one strategy or all), with their
 * ids for {@code /empathy remove}, and Previous / Next buttons that replace the page in place.
 */
final class ListPage {

  static final String PREVIOUS = "prompts_list_previous";
  static final String NEXT = "prompts_list_next";
  static final String ALL = "all";

  private ListPage() {}

  /**
   * Page {@code page} of {@code strategy}'s prompts (null: all). Encoded {@code strategy|page} ({@code all|2})
   * as the value of the Previous / Next buttons.
   */
  record Position(Strategy strategy, int page) {

    String encode() {
      return (strategy == null ? ALL : strategy.id()) + "|" + page;
    }

    /** Read back from {@link #encode()}; an unknown strategy is a {@code UserError}, a bad page the first. */
    static Position parse(String encoded) {
      String[] parts = encoded.split("\\|", 2);
      Strategy strategy = ALL.equals(parts[0]) ? null : Strategy.require(parts[0]);
      return new Position(strategy, parts.length > 1 && parts[1].matches("\\d{1,4}") ? Integer.parseInt(parts[1]) : 1);
    }
  }

  /**
   * Renders page {@code page} (1-based; clamped) of {@code prompts}.
   *
   * @param builtIn which ids are built in (the others were added by the workspace)
   */
  static Reply render(Strategy strategy, List<Prompt> prompts, int removed, int page, int pageSize,
                      Predicate<String> builtIn) {
    int pages = Math.max(1, (prompts.size() + pageSize - 1) / pageSize);
    int current = Math.min(Math.max(1, page), pages);
    String title = strategy == null ? "All prompts" : strategy.emoji() + " " + strategy.label() + " prompts";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*" + title + "* — " + prompts.size() + " in this workspace · "
        + "page " + current + " of " + pages))));
    for (Prompt p : prompts.subList((current - 1) * pageSize, Math.min(prompts.size(), current * pageSize))) {
      String own = builtIn.test(p.id()) ? "" : " _(added here)_";
      blocks.add(section(s -> s.text(markdownText("`" + p.id() + "` " + Mrkdwn.escape(p.text()) + own))));
    }
    String note = "Remove one with `/empathy remove &lt;id&gt;`; add your own with "
        + "`/empathy add &lt;strategy&gt; &lt;text&gt;`."
        + (removed > 0 ? " " + removed + " removed prompt" + (removed == 1 ? " is" : "s are") + " not shown." : "");
    blocks.add(context(c -> c.elements(List.of(markdownText(note)))));
    List<BlockElement> buttons = new ArrayList<>();
    if (current > 1) {
      String previous = new Position(strategy, current - 1).encode();
      buttons.add(button(b -> b.actionId(PREVIOUS).text(plainText("← Previous")).value(previous)));
    }
    if (current < pages) {
      String next = new Position(strategy, current + 1).encode();
      buttons.add(button(b -> b.actionId(NEXT).text(plainText("Next →")).value(next)));
    }
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.elements(buttons)));
    }
    return Reply.blocks(title + ", page " + current + " of " + pages, blocks);
  }
}
