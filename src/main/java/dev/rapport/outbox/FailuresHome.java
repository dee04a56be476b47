package dev.rapport.outbox;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.slack.AccessPolicy;
import dev.rapport.slack.HomeSection;
import dev.rapport.slack.SlackDates;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Home tab's part for Rapport admins about what Slack didn't take: the workspace's latest undelivered
 * messages of every feature, each saying what it was, where, why and what fixes it, in the same plain words
 * as the features' stats ({@link DeadLetter#reason()}, {@link DeadLetter#fix()}), never Slack's error codes.
 * Shown only when something failed; reads at most {@value #SHOWN} letters.
 */
@Component
class FailuresHome implements HomeSection {

  static final int SHOWN = 5;

  private final AccessPolicy access;
  private final Outbox outbox;

  FailuresHome(AccessPolicy access, Outbox outbox) {
    this.access = access;
    this.outbox = outbox;
  }

  @Override
  public int order() {
    return 60;
  }

  @Override
  public List<LayoutBlock> render(String team, String user) {
    List<DeadLetter> latest = outbox.deadLetters(team, SHOWN);
    if (latest.isEmpty() || !access.isAdmin(team, user)) {
      return List.of();
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(":warning: Messages Slack didn't deliver"))));
    for (DeadLetter letter : latest) {
      blocks.add(section(s -> s.text(markdownText(":warning: " + inWords(letter)))));
    }
    blocks.add(context(List.of(markdownText(outbox.stats(team).deadLettered() + " in all. Each was tried again "
        + "before Rapport gave up; nothing more is sent for them. In a channel, `/coffee stats` and "
        + "`/empathy stats` show that channel's own."))));
    return blocks;
  }

  /** "A coffee announcement for #team (Tue 14 Jan at 10:00) wasn't delivered: Rapport isn't a member of #team. …" */
  static String inWords(DeadLetter letter) {
    Origin origin = letter.origin();
    String feature = switch (origin.feature()) {
      case "pairing" -> "coffee ";
      case "prompts" -> "empathy ";
      default -> "";
    };
    String what = feature + origin.what();
    String fix = letter.fix();
    return (startsWithVowel(what) ? "An " : "A ") + what + (origin.channel() == null ? "" : " for <#"
        + origin.channel() + ">") + " (" + SlackDates.moment(letter.at()) + ") wasn't delivered: " + letter.reason()
        + "." + (fix.isEmpty() ? "" : " To fix it, " + fix + ".");
  }

  private static boolean startsWithVowel(String text) {
    return !text.isEmpty() && "aeiou".indexOf(Character.toLowerCase(text.charAt(0))) >= 0;
  }
}
