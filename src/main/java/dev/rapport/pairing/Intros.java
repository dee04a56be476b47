package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.SlackDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages coffee pairing sends: intros, check-ins, and the kind notes to people left out or paused.
 * None of them ever says why someone wasn't placed: that could reveal a private do-not-pair entry.
 */
final class Intros {

  static final String MET = "pairing_met";
  static final String NOT_MET = "pairing_not";
  static final String BACK_IN = "pairing_back_in";
  static final String UNREACHED = "pairing_unreached";

  private Intros() {}

  static String mentions(List<String> users) {
    List<String> named = users.stream().filter(u -> !Round.FORGOTTEN.equals(u)).map(u -> "<@" + u + ">").toList();
    return named.isEmpty() ? "someone who has since left" : listed(named);
  }

  /** "a", "a and b", "a, b and c". */
  static String listed(List<String> items) {
    return items.size() == 1 ? items.get(0)
        : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  static String introText(String channel, List<String> members) {
    return ":coffee: Coffee time! " + mentions(members) + ", you're this round's group from <#" + channel + ">.";
  }

  /**
   * The intro of one group. {@code meetAt} is a slot inside the working hours of the members whose time zone
   * is known; {@code noZone} are the members whose time zone Slack doesn't know; {@code answers} is what members
   * said so far (member -> met | not), shown once someone answered; {@code within} is the program's cycle as
   * in "find 20–30 minutes this week" ({@code Cadence#withinCycle}).
   */
  static List<LayoutBlock> intro(String channel, String round, int group, List<String> members,
                                 Icebreaker icebreaker, Optional<Instant> meetAt, List<String> noZone,
                                 Map<String, String> answers, String within) {
    String strategy = icebreaker.strategy();
    List<LayoutBlock> blocks = new ArrayList<>(List.of(
        section(s -> s.text(markdownText(introText(channel, members)
            + " Find 20–30 minutes " + within + " to get to know each other."))),
        // Icebreakers are prompts, and workspaces write their own: shown as typed, never as markup.
        section(s -> s.text(markdownText("*Icebreaker* · _" + strategy + "_\n>"
            + Mrkdwn.escape(icebreaker.text())))),
        context(List.of(markdownText("Why this helps: " + Mrkdwn.escape(icebreaker.why())))),
        section(s -> s.text(markdownText(whenToMeet(members, meetAt, noZone))))));
    answersSoFar(members, answers).ifPresent(line -> blocks.add(context(List.of(markdownText(line)))));
    blocks.add(outcomeButtons(channel, round, group));
    blocks.add(context(List.of(markdownText("Rapport pairs you with someone new every round. "
        + "`/coffee pause 2w` or `/coffee leave` any time; `/coffee history` shows who you've met."))));
    return blocks;
  }

  /**
   * The intro of group {@code g} of a round, drawn the same way every time (its icebreaker and suggested time
   * don't change when it is updated). {@code offsets} holds the UTC offsets of members whose zone is known.
   */
  static List<LayoutBlock> intro(String channel, String round, Instant at, int g, List<String> members,
                                 Map<String, Integer> offsets, IcebreakerSource.Deck deck,
                                 Map<String, String> answers, String within) {
    List<String> noZone = members.stream().filter(u -> !offsets.containsKey(u)).toList();
    List<Integer> known = members.stream().filter(offsets::containsKey).map(offsets::get).toList();
    Optional<Instant> meetAt = known.isEmpty() ? Optional.empty() : MeetingTime.suggest(known, at);
    return intro(channel, round, g, members, deck.pick(icebreakerSeed(round, g)), meetAt, noZone, answers,
        within);
  }

  /** The seed that picks a group's icebreaker: the same every time the intro is drawn. */
  static long icebreakerSeed(String round, int group) {
    return (round + "|" + group).hashCode();
  }

  /**
   * When to meet. A time is only suggested from the hours of people whose time zone is known; people without
   * one are asked to check it, never assumed to be in UTC.
   */
  static String whenToMeet(List<String> members, Optional<Instant> meetAt, List<String> noZone) {
    if (noZone.isEmpty()) {
      return meetAt.map(at -> "*When?* Everyone's working hours overlap on " + SlackDates.moment(at)
              + " — or pick any time that suits you all.")
          .orElse("*When?* Your working hours barely overlap, so try a short call at the edge of your days, "
              + "or trade voice notes here.");
    }
    String setOne = " A time zone in your Slack profile lets Rapport suggest times that suit everyone.";
    List<String> known = members.stream().filter(u -> !noZone.contains(u)).toList();
    if (known.isEmpty() || meetAt.isEmpty() && known.size() < 2) {
      return "*When?* Slack doesn't know your time zones, so agree on a time here that suits you all." + setOne;
    }
    String whose = noZone.size() == 1 ? "your time zone" : "your time zones";
    return meetAt.map(at -> "*When?* " + SlackDates.moment(at) + " is inside the working hours of " + mentions(known) + ". "
            + mentions(noZone) + ", Slack doesn't know " + whose + ", so check it suits you too — or pick any "
            + "time that suits you all." + setOne)
        .orElse("*When?* The working hours of " + mentions(known) + " barely overlap, and Slack doesn't know "
            + "the time zone of " + mentions(noZone) + ": agree on a time here, or trade voice notes." + setOne);
  }

  /** "Answers so far: <@A> met · <@B> not this time", once anyone in the group answered. */
  static Optional<String> answersSoFar(List<String> members, Map<String, String> answers) {
    List<String> said = members.stream().filter(answers::containsKey)
        .map(u -> "<@" + u + "> " + ("met".equals(answers.get(u)) ? "met :white_check_mark:" : "not this time"))
        .toList();
    return said.isEmpty() ? Optional.empty() : Optional.of("*Answers so far:* " + String.join(" · ", said));
  }

  /** The check-in that asks one member directly, midway through the cycle, whether their group met. */
  static List<LayoutBlock> checkIn(String channel, String round, int group, List<String> others) {
    return List.of(
        section(s -> s.text(markdownText(checkInText(channel, others) + " Even 15 minutes counts. "
            + "Let us know either way:"))),
        outcomeButtons(channel, round, group),
        context(List.of(markdownText("Rapport pauses the pairings of people it hasn't heard from for a few "
            + "rounds, so groups stay lively. Need a break? `/coffee pause 2w`."))));
  }

  static String checkInText(String channel, List<String> others) {
    return ":wave: Did you and " + mentions(others) + " get a chance to meet for coffee (<#" + channel + ">)?";
  }

  /** The check-in once its member answered: the question and their answer, no buttons. */
  static List<LayoutBlock> checkInAnswered(String channel, List<String> others, boolean met) {
    return List.of(section(s -> s.text(markdownText(checkInText(channel, others) + "\n"
        + (met ? ":white_check_mark: You said you met. Thanks!" : "You said not this time. Thanks for letting us know.")))));
  }

  /** The answer to "Not this time": partners who haven't answered can be reported as unreachable, privately. */
  static List<LayoutBlock> notMet(String channel, String round, int group, List<String> silent) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(NOT_MET_TEXT))));
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

  static final String NOT_MET_TEXT = "No worries — noted. There's always next round.";

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

  /** To the admins who run a program, when pausing everyone who went quiet would silence too much of it. */
  static String heldBack(String channel, int quiet, int rounds) {
    return ":zzz: Coffee pairing in <#" + channel + ">: " + quiet + (quiet == 1 ? " person hasn't" : " people haven't")
        + " answered their intros or check-ins for " + rounds + " rounds in a row. Pausing them would pause more "
        + "than a quarter of the channel, so nobody was paused — Rapport never silences a channel. If rounds "
        + "come too often, `/coffee settings` can space them out; a word in the channel about what the rounds "
        + "are for helps too. (I'll mention this at most once every four weeks.)";
  }

  static List<LayoutBlock> ghost(String channel, int ignored) {
    return List.of(
        section(s -> s.text(markdownText(ghostText(channel, ignored)))),
        actions(a -> a.elements(List.of(button(b -> b.actionId(BACK_IN).value(channel).style("primary")
            .text(plainText("Count me back in")))))));
  }

  private static LayoutBlock outcomeButtons(String channel, String round, int group) {
    String value = new GroupRef(channel, round, group).encode();
    return actions(a -> a.elements(List.of(
        button(b -> b.actionId(MET).value(value).style("primary").text(plainText(":white_check_mark: We met"))),
        button(b -> b.actionId(NOT_MET).value(value).text(plainText("Not this time"))))));
  }
}
