package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.people.Profile;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.SlackDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intro a group gets in its group DM: who is in it, an icebreaker, when to meet (with "Add to calendar"
 * buttons when a time is suggested, {@link CalendarLinks}), and the "We met" / "Not this time" buttons (which
 * check-ins carry too). It never says why someone wasn't placed: that could reveal a private do-not-pair entry.
 */
final class IntroMessage {

  static final String MET = "pairing_met";
  static final String NOT_MET = "pairing_not";

  private IntroMessage() {}

  /** The intro's blocks and text with where the group meets and why (programs by office), if the round says. */
  static List<LayoutBlock> withPlace(List<LayoutBlock> blocks, Optional<String> place) {
    List<LayoutBlock> placed = new ArrayList<>(blocks);
    place.ifPresent(where -> placed.add(1, section(s -> s.text(markdownText(where)))));
    return placed;
  }

  static String text(String channel, List<String> members, Optional<String> place) {
    return text(channel, members) + place.map(where -> " " + where).orElse("");
  }

  static String text(String channel, List<String> members) {
    return ":coffee: Coffee time! " + Names.mentions(members) + ", you're this round's group from <#" + channel + ">.";
  }

  /**
   * The intro of one group. {@code meetAt} is a slot inside the working hours of the members whose time zone
   * is known; {@code noZone} are the members whose time zone Slack doesn't know; {@code answers} is what members
   * said so far (member -> met | not), shown once someone answered; {@code within} is the program's cycle as
   * in "find 20–30 minutes this week" ({@code Cadence#withinCycle}).
   */
  static List<LayoutBlock> blocks(String channel, String round, int group, List<String> members,
                                  Icebreaker icebreaker, Optional<Instant> meetAt, List<String> noZone,
                                  Map<String, String> answers, String within, List<String> names) {
    List<LayoutBlock> blocks = new ArrayList<>(List.of(
        section(s -> s.text(markdownText(text(channel, members)
            + " Find 20–30 minutes " + within + " to get to know each other."))),
        icebreakerBlock(icebreaker),
        context(List.of(markdownText("Why this helps: " + Mrkdwn.escape(icebreaker.why())))),
        section(s -> s.text(markdownText(whenToMeet(members, meetAt, noZone))))));
    meetAt.ifPresent(at -> blocks.add(CalendarLinks.buttons(event(names, icebreaker, at))));
    answersSoFar(members, answers).ifPresent(line -> blocks.add(context(List.of(markdownText(line)))));
    blocks.add(outcomeButtons(channel, round, group));
    blocks.add(context(List.of(markdownText("Rapport pairs you with someone new every round. "
        + "`/coffee pause 2w` or `/coffee leave` any time; `/coffee history` shows who you've met."))));
    return blocks;
  }

  /** The icebreaker and its strategy (intros and onboarding journeys alike). */
  static LayoutBlock icebreakerBlock(Icebreaker icebreaker) {
    // Icebreakers are prompts, and workspaces write their own: shown as typed, never as markup.
    return section(s -> s.text(markdownText("*Icebreaker* · _" + icebreaker.strategy() + "_\n>"
        + Mrkdwn.escape(icebreaker.text()))));
  }

  /** The calendar event of a suggested time: the group's names, and the icebreaker to start with. */
  static CalendarLinks.Event event(List<String> names, Icebreaker icebreaker, Instant at) {
    return new CalendarLinks.Event("Coffee: " + (names.isEmpty() ? "your group" : Names.listed(names)),
        "A coffee chat set up by Rapport. Icebreaker: " + icebreaker.text(), at);
  }

  /**
   * The intro of group {@code g} of a round, drawn the same way every time (its icebreaker and suggested time
   * don't change when it is updated). {@code profiles} holds what the directory knows of the members: their UTC
   * offsets (where their zone is known) and their names for the calendar event.
   */
  static List<LayoutBlock> blocks(String channel, String round, Instant at, int g, List<String> members,
                                  Map<String, Profile> profiles, IcebreakerSource.Deck deck,
                                  Map<String, String> answers, String within) {
    When when = when(members, profiles, at);
    return blocks(channel, round, g, members, deck.pick(icebreakerSeed(round, g)), when.meetAt(), when.noZone(),
        answers, within, Participants.names(members, profiles));
  }

  /** A suggested time for a group, and who in it has no time zone Slack knows. */
  record When(Optional<Instant> meetAt, List<String> noZone) {}

  /** The time to suggest to {@code members} after {@code at}, from the zones of those whose zone is known. */
  static When when(List<String> members, Map<String, Profile> profiles, Instant at) {
    Map<String, Integer> offsets = Participants.offsets(profiles);
    List<String> noZone = members.stream().filter(u -> !offsets.containsKey(u)).toList();
    List<Integer> known = members.stream().filter(offsets::containsKey).map(offsets::get).toList();
    return new When(known.isEmpty() ? Optional.empty() : MeetingTime.suggest(known, at), noZone);
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
    return meetAt.map(at -> "*When?* " + SlackDates.moment(at) + " is inside the working hours of "
            + Names.mentions(known) + ". " + Names.mentions(noZone) + ", Slack doesn't know " + whose
            + ", so check it suits you too — or pick any time that suits you all." + setOne)
        .orElse("*When?* The working hours of " + Names.mentions(known) + " barely overlap, and Slack doesn't "
            + "know the time zone of " + Names.mentions(noZone) + ": agree on a time here, or trade voice notes."
            + setOne);
  }

  /** "Answers so far: <@A> met · <@B> not this time", once anyone in the group answered. */
  static Optional<String> answersSoFar(List<String> members, Map<String, String> answers) {
    List<String> said = members.stream().filter(answers::containsKey)
        .map(u -> "<@" + u + "> " + ("met".equals(answers.get(u)) ? "met :white_check_mark:" : "not this time"))
        .toList();
    return said.isEmpty() ? Optional.empty() : Optional.of("*Answers so far:* " + String.join(" · ", said));
  }

  /** "We met" and "Not this time", on intros and on check-ins. */
  static LayoutBlock outcomeButtons(String channel, String round, int group) {
    String value = new GroupRef(channel, round, group).encode();
    return actions(a -> a.elements(List.of(
        button(b -> b.actionId(MET).value(value).style("primary").text(plainText(":white_check_mark: We met"))),
        button(b -> b.actionId(NOT_MET).value(value).text(plainText("Not this time"))))));
  }
}
