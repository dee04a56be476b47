package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.slack.Mrkdwn;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The messages coffee pairing sends: intros, follow-ups, and the kind notes to people left out or paused. */
final class Intros {

  static final String MET = "pairing_met";
  static final String NOT_MET = "pairing_not";
  static final String BACK_IN = "pairing_back_in";

  private Intros() {}

  /** Slack shows this in each reader's own time zone; the fallback is UTC. */
  static String when(Instant at) {
    return dev.rapport.slack.SlackDates.moment(at);
  }

  static String mentions(List<String> users) {
    List<String> named = users.stream().filter(u -> !Round.FORGOTTEN.equals(u)).map(u -> "<@" + u + ">").toList();
    if (named.isEmpty()) {
      return "someone who has since left";
    }
    if (named.size() == 1) {
      return named.get(0);
    }
    return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
  }

  static String buttonValue(String channel, String round, int group) {
    return channel + "|" + round + "|" + group;
  }

  static String introText(String channel, List<String> members) {
    return ":coffee: Coffee time! " + mentions(members) + ", you're this round's group from <#" + channel + ">.";
  }

  /** {@code within}: the program's cycle as in "find 20–30 minutes this week" ({@code Cadence#withinCycle}). */
  static List<LayoutBlock> intro(String channel, String round, int group, List<String> members,
                                 Icebreaker icebreaker, Optional<Instant> meetAt, String within) {
    String strategy = icebreaker.strategy();
    String when = meetAt.map(at -> "*When?* Everyone's working hours overlap on " + when(at)
            + " — or pick any time that suits you all.")
        .orElse("*When?* Your working hours barely overlap, so try a short call at the edge of your days, "
            + "or trade voice notes here.");
    return List.of(
        section(s -> s.text(markdownText(introText(channel, members)
            + " Find 20–30 minutes " + within + " to get to know each other."))),
        // Icebreakers are prompts, and workspaces write their own: shown as typed, never as markup.
        section(s -> s.text(markdownText("*Icebreaker* · _" + strategy + "_\n>"
            + Mrkdwn.escape(icebreaker.text())))),
        context(List.of(markdownText("Why this helps: " + Mrkdwn.escape(icebreaker.why())))),
        section(s -> s.text(markdownText(when))),
        outcomeButtons(channel, round, group),
        context(List.of(markdownText("Rapport pairs you with someone new every round. "
            + "`/coffee pause 2w` or `/coffee leave` any time; `/coffee history` shows who you've met."))));
  }

  static List<LayoutBlock> followUp(String channel, String round, int group, List<String> members) {
    return List.of(
        section(s -> s.text(markdownText(":wave: " + mentions(members) + ", did you get a chance to meet? "
            + "Even 15 minutes counts. Let us know either way:"))),
        outcomeButtons(channel, round, group));
  }

  static String followUpText(List<String> members) {
    return "Did you get a chance to meet, " + mentions(members) + "?";
  }

  static String lone(String channel) {
    return ":coffee: You're the only one available in <#" + channel + ">'s coffee pairing this round, so "
        + "there's no group for you this time. Invite a colleague to the channel and you'll be paired next round!";
  }

  static String unplaced(String channel) {
    return ":coffee: We couldn't form a group for you in <#" + channel + "> this round without pairing "
        + "people who asked not to be paired. You'll be in the next round.";
  }

  static String ghostText(String channel, int ignored) {
    return ":zzz: The last " + ignored + " coffee intros from <#" + channel + "> went unanswered, so we've "
        + "paused your pairings there to keep groups lively. Whenever you're ready, you're welcome back.";
  }

  static List<LayoutBlock> ghost(String channel, int ignored) {
    return List.of(
        section(s -> s.text(markdownText(ghostText(channel, ignored)))),
        actions(a -> a.elements(List.of(button(b -> b.actionId(BACK_IN).value(channel).style("primary")
            .text(plainText("Count me back in")))))));
  }

  private static LayoutBlock outcomeButtons(String channel, String round, int group) {
    String value = buttonValue(channel, round, group);
    return actions(a -> a.elements(List.of(
        button(b -> b.actionId(MET).value(value).style("primary").text(plainText(":white_check_mark: We met"))),
        button(b -> b.actionId(NOT_MET).value(value).text(plainText("Not this time"))))));
  }
}
