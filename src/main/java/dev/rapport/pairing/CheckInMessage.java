package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** The check-in that asks one member directly, midway through the cycle, whether their group met. */
final class CheckInMessage {

  private CheckInMessage() {}

  static List<LayoutBlock> blocks(String channel, String round, int group, List<String> others) {
    return List.of(
        section(s -> s.text(markdownText(text(channel, others) + " Even 15 minutes counts. "
            + "Let us know either way:"))),
        IntroMessage.outcomeButtons(channel, round, group),
        context(List.of(markdownText("Rapport pauses the pairings of people it hasn't heard from for a few "
            + "rounds, so groups stay lively. Need a break? `/coffee pause 2w`."))));
  }

  static String text(String channel, List<String> others) {
    return ":wave: Did you and " + Names.mentions(others) + " get a chance to meet for coffee (<#" + channel + ">)?";
  }

  /** The check-in once its member answered: the question and their answer, no buttons. */
  static List<LayoutBlock> answered(String channel, List<String> others, boolean met) {
    String answer = met ? ":white_check_mark: You said you met. Thanks!"
        : "You said not this time. Thanks for letting us know.";
    return List.of(section(s -> s.text(markdownText(text(channel, others) + "\n" + answer))));
  }
}
