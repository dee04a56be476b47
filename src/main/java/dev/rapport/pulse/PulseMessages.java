package dev.rapport.pulse;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The DMs the pulse sends: the invitation of each period and its one reminder. */
final class PulseMessages {

  static final String BUTTON = "Answer this week's pulse";

  private PulseMessages() {}

  static String invitationText(String channel, Instant closes, ZoneId zone) {
    return "The anonymous pulse for <#" + channel + "> is open until " + Dates.moment(closes, zone) + ".";
  }

  static List<LayoutBlock> invitation(String channel, String period, Instant closes, ZoneId zone) {
    return List.of(
        section(s -> s.text(markdownText(":bar_chart: *How is <#" + channel + "> doing?* The anonymous team "
            + "pulse is open until " + Dates.moment(closes, zone) + ": four questions, about a minute."))),
        actions(a -> a.elements(List.of(button(b -> b.actionId(AnswerModal.OPEN_ACTION)
            .value(AnswerModal.metadata(channel, period)).style("primary").text(plainText(BUTTON)))))),
        context(c -> c.elements(List.of(markdownText("Nobody, not your manager and not admins, can see who "
            + "answered or what they answered.")))));
  }

  // One wording for everyone who gets the reminder: it must not tell anyone whether they are the only one.
  static String reminderText(String channel, Instant closes, ZoneId zone) {
    return "Reminder: the anonymous pulse for <#" + channel + "> closes " + Dates.moment(closes, zone) + ".";
  }

  static List<LayoutBlock> reminder(String channel, String period, Instant closes, ZoneId zone) {
    return List.of(
        section(s -> s.text(markdownText(":hourglass_flowing_sand: The anonymous pulse for <#" + channel
            + "> closes " + Dates.moment(closes, zone) + ". If you've already answered, thank you, there's "
            + "nothing more to do. If not, it takes about a minute."))),
        actions(a -> a.elements(List.of(button(b -> b.actionId(AnswerModal.OPEN_ACTION)
            .value(AnswerModal.metadata(channel, period)).text(plainText(BUTTON)))))));
  }
}
