package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.slack.SlackDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an onboarding journey says: to the buddy first (before anyone else hears of it), then the intro to both in
 * a group DM, then each nudge, each with an icebreaker; and to the admins when no buddy could be found. Nothing
 * says why someone wasn't picked as a buddy: the reason may be a private do-not-pair list or a manager.
 */
final class JourneyMessages {

  private JourneyMessages() {}

  /** To the buddy, before the intro. */
  static String buddyFirst(Journey j) {
    String arrived = j.joined() ? "just joined <#" + j.channel() + ">" : "starts today";
    return ":handshake: You're the onboarding buddy of <@" + j.hire() + ">, who " + arrived + ". I'll introduce "
        + "you two in a group DM in a moment. What helps most in someone's first weeks: a hello from you, what you "
        + "wish you'd known when you started, and who to ask about what. I'll nudge you both on "
        + JourneyStep.describe(j.steps()) + "."
        + (j.steps().isEmpty() ? "" : " After that, they join <#" + j.channel() + ">'s regular coffee rounds.");
  }

  static String introText(Journey j) {
    return ":wave: Welcome, <@" + j.hire() + ">! <@" + j.buddy() + "> is your onboarding buddy from <#" + j.channel()
        + ">.";
  }

  /**
   * The intro: who the buddy is and what for, an icebreaker, when to meet (with calendar buttons when a time is
   * suggested), and the journey ahead.
   */
  static List<LayoutBlock> intro(Journey j, Icebreaker icebreaker, Optional<Instant> meetAt, List<String> noZone,
                                 List<String> names) {
    List<String> pair = List.of(j.hire(), j.buddy());
    List<LayoutBlock> blocks = new ArrayList<>(List.of(
        section(s -> s.text(markdownText(introText(j) + " Buddies answer the questions that don't fit anywhere "
            + "else: where things are, who to ask, how things really work here. Find 20–30 minutes in the next "
            + "few days to get to know each other."))),
        IntroMessage.icebreakerBlock(icebreaker),
        section(s -> s.text(markdownText(IntroMessage.whenToMeet(pair, meetAt, noZone))))));
    meetAt.ifPresent(at -> blocks.add(CalendarLinks.buttons(event(names, icebreaker, at))));
    blocks.add(context(List.of(markdownText(ahead(j)))));
    return blocks;
  }

  static CalendarLinks.Event event(List<String> names, Icebreaker icebreaker, Instant at) {
    return new CalendarLinks.Event("Onboarding buddies: " + (names.isEmpty() ? "welcome chat" : Names.listed(names)),
        "A welcome chat set up by Rapport. Icebreaker: " + icebreaker.text(), at);
  }

  /** "I'll check in on day 1, week 1 and week 4; after that …". */
  private static String ahead(Journey j) {
    if (j.steps().isEmpty()) {
      return "From the next round, <@" + j.hire() + "> is in <#" + j.channel() + ">'s regular coffee rounds.";
    }
    return "I'll check in with you both on " + JourneyStep.describe(j.steps()) + " (the last one "
        + SlackDates.day(j.ends()) + "). After that, <@" + j.hire() + "> joins <#" + j.channel()
        + ">'s regular coffee rounds.";
  }

  static String nudgeText(Journey j, int step) {
    return ":seedling: " + capitalized(j.steps().get(step - 1).label()) + " check-in for <@" + j.hire() + "> and <@"
        + j.buddy() + ">.";
  }

  /** Nudge {@code step} (1..): a word for where they are in the journey, and an icebreaker. */
  static List<LayoutBlock> nudge(Journey j, int step, Icebreaker icebreaker, boolean hireInChannel) {
    int last = j.steps().size();
    String tip = step == 1 ? "How are the first days going? A short chat helps the next ones."
        : step < last ? "A good moment to meet again: what has surprised <@" + j.hire() + "> so far, and what's "
            + "still unclear?"
        : "This is the last nudge of the buddy journey: thank you both! Keep meeting if it helps.";
    String after = step < last ? "" : hireInChannel
        ? "\nFrom the next round, <@" + j.hire() + "> is in <#" + j.channel() + ">'s regular coffee rounds."
        : "\n<@" + j.hire() + ">, join <#" + j.channel() + "> to meet someone new in its regular coffee rounds.";
    return List.of(
        section(s -> s.text(markdownText(nudgeText(j, step) + " " + tip + after))),
        IntroMessage.icebreakerBlock(icebreaker));
  }

  /** To the admins who run the program (and whoever added the new hire) when nobody could be their buddy. */
  static String noBuddy(Journey j, Onboarding onboarding) {
    String who = j.joined() ? "<@" + j.hire() + "> joined <#" + j.channel() + ">"
        : "<@" + j.hire() + "> starts today";
    return ":warning: " + who + ", but nobody in the buddy pool (" + onboarding.pool() + ") could be their "
        + "onboarding buddy right now: a buddy must have been in the workspace at least as long, be around (not "
        + "paused or away) and not be on an onboarding journey of their own. "
        + (j.joined() ? "They're in <#" + j.channel() + ">'s regular coffee rounds from the next one. "
            : "They join <#" + j.channel() + ">'s regular coffee rounds once they're in the channel. ")
        + "To try again once the pool has grown, `/coffee onboard @them` in <#" + j.channel() + ">.";
  }

  private static String capitalized(String label) {
    return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }
}
