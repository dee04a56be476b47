package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * The kind notes to people outside a round's groups — alone in the pool, not placed, paused after going
 * quiet — and to the admins when nobody was paused. None says why someone wasn't placed: the reason may be
 * someone's private do-not-pair list.
 */
final class Notes {

  static final String BACK_IN = "pairing_back_in";

  private Notes() {}

  static String lone(String channel) {
    return ":coffee: You're the only one available in <#" + channel + ">'s coffee pairing this round, so "
        + "there's no group for you this time. Invite a colleague to the channel and you'll be paired next round!";
  }

  /** To someone who couldn't be placed. Says no more: the reason may be someone's private do-not-pair list. */
  static String unplaced(String channel) {
    return ":coffee: There's no coffee group for you in <#" + channel + "> this round — sometimes the numbers "
        + "just don't work out. We'll try again next round.";
  }

  static String ghostText(String channel, int rounds) {
    return ":zzz: We haven't heard from you in your last " + rounds + " coffee rounds in <#" + channel
        + ">, so we've paused your pairings there to keep groups lively. Whenever you're ready, you're welcome back.";
  }

  static List<LayoutBlock> ghost(String channel, int ignored) {
    return List.of(
        section(s -> s.text(markdownText(ghostText(channel, ignored)))),
        actions(a -> a.elements(List.of(button(b -> b.actionId(BACK_IN).value(channel).style("primary")
            .text(plainText("Count me back in")))))));
  }

  /** To the admins who run a program, when pausing everyone who went quiet would silence too much of it. */
  static String heldBack(String channel, int quiet, int rounds) {
    return ":zzz: Coffee pairing in <#" + channel + ">: " + quiet + (quiet == 1 ? " person hasn't" : " people haven't")
        + " answered their intros or check-ins for " + rounds + " rounds in a row. Pausing them would pause more "
        + "than a quarter of the channel, so nobody was paused — Rapport never silences a channel. If rounds "
        + "come too often, `/coffee settings` can space them out; a word in the channel about what the rounds "
        + "are for helps too. (I'll mention this at most once every four weeks.)";
  }
}
