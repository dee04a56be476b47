package dev.rapport.pulse;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.rapport.schedule.Cadence;
import dev.rapport.slack.SlackDates;
import java.time.Instant;
import java.util.List;

/**
 * The DMs the pulse sends: the invitation of each period, its one reminder, and what the invitation says once
 * the period closed. Times are Slack date tokens, so each reader sees their own zone.
 */
final class PulseMessages {

  private PulseMessages() {}

  static String invitationText(String channel, Instant closes) {
    return "The anonymous pulse for <#" + channel + "> is open until " + SlackDates.moment(closes) + ".";
  }

  static List<LayoutBlock> invitation(String channel, String period, Instant closes, Cadence cadence) {
    return List.of(
        section(s -> s.text(markdownText(":bar_chart: *How is <#" + channel + "> doing?* The anonymous team "
            + "pulse is open until " + SlackDates.moment(closes) + ": four questions, about a minute."))),
        actions(a -> a.elements(List.of(answerButton(channel, period, cadence, true)))),
        context(c -> c.elements(List.of(markdownText("Nobody, not your manager and not admins, can see who "
            + "answered or what they answered.")))));
  }

  // One wording for everyone who gets the reminder: it must not tell anyone whether they are the only one.
  static String reminderText(String channel, Instant closes) {
    return "Reminder: the anonymous pulse for <#" + channel + "> closes " + SlackDates.moment(closes) + ".";
  }

  static List<LayoutBlock> reminder(String channel, String period, Instant closes, Cadence cadence) {
    return List.of(
        section(s -> s.text(markdownText(":hourglass_flowing_sand: The anonymous pulse for <#" + channel
            + "> closes " + SlackDates.moment(closes) + ". If you've already answered, thank you, there's "
            + "nothing more to do. If not, it takes about a minute."))),
        actions(a -> a.elements(List.of(answerButton(channel, period, cadence, false)))));
  }

  // The same for every invitation of the period, whoever answered: the update must not tell who did.
  static String closedText(String channel) {
    return "The anonymous pulse for <#" + channel + "> has closed.";
  }

  static List<LayoutBlock> closed(String channel, Instant opened, int k) {
    return List.of(
        section(s -> s.text(markdownText(":lock: *The anonymous pulse for <#" + channel + "> that opened "
            + SlackDates.day(opened) + " has closed.* It no longer takes answers. Thank you if you answered."))),
        context(c -> c.elements(List.of(markdownText("The team's managers see its results only if at least " + k
            + " people answered, and never who answered or what they answered.")))));
  }

  static ButtonElement answerButton(String channel, String period, Cadence cadence, boolean primary) {
    return button(b -> b.actionId(AnswerModal.OPEN_ACTION).value(new PeriodRef(channel, period).encode())
        .style(primary ? "primary" : null).text(plainText(PulseWording.answerButton(cadence))));
  }
}
