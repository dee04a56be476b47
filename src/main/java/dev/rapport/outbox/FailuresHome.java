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
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The Home tab's part for Rapport admins about what Slack didn't take: the workspace's latest undelivered
 * messages of every feature, each saying what it was, where, why and what fixes it, in words an HR person
 * understands (never Slack's error codes). Shown only when something failed; reads at most the newest
 * {@value #SCANNED} dead letters of the shared list, as {@code /coffee stats} does.
 */
@Component
class FailuresHome implements HomeSection {

  static final int SHOWN = 5;
  static final int SCANNED = 500;

  private static final Set<String> GONE = Set.of("user_disabled", "user_not_found", "users_not_found",
      "account_inactive", "user_is_deactivated");

  private final AccessPolicy access;
  private final OutboxStore store;

  FailuresHome(AccessPolicy access, OutboxStore store) {
    this.access = access;
    this.store = store;
  }

  @Override
  public int order() {
    return 60;
  }

  @Override
  public List<LayoutBlock> render(String team, String user) {
    OutboxStats stats = store.stats(team);
    if (stats.deadLettered() == 0 || stats.recentDeadLetters().isEmpty() || !access.isAdmin(team, user)) {
      return List.of();
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(":warning: Messages Slack didn't deliver"))));
    for (DeadLetter letter : stats.recentDeadLetters().stream().limit(SHOWN).toList()) {
      blocks.add(section(s -> s.text(markdownText(":warning: " + inWords(letter)))));
    }
    blocks.add(context(List.of(markdownText(stats.deadLettered() + " in all. Each was tried "
        + "again before Rapport gave up; nothing more is sent for them."))));
    return blocks;
  }

  /** "A coffee announcement in #team (Tue 14 Jan at 10:00) wasn't delivered: Rapport isn't in #team. To fix it, …" */
  static String inWords(DeadLetter letter) {
    String channel = channel(letter.id());
    String where = channel == null ? "the channel" : "<#" + channel + ">";
    String code = letter.error() == null ? "" : letter.error().substring(letter.error().lastIndexOf(' ') + 1);
    String why;
    String fix = "";
    if (code.equals("not_in_channel")) {
      why = "Rapport isn't in " + where;
      fix = "type `/invite @Rapport` in " + where;
    } else if (code.equals("channel_not_found") || code.equals("is_archived")) {
      why = where + " was deleted or archived, or is private and Rapport isn't in it";
      fix = "if it still exists, type `/invite @Rapport` in it";
    } else if (code.equals("cannot_dm_bot")) {
      why = "the person is an app, and Rapport can't message apps";
    } else if (GONE.contains(code)) {
      why = "the person's Slack account is deactivated";
    } else if (code.equals("missing_scope") || code.equals("token_revoked") || code.equals("invalid_auth")) {
      why = "Rapport is missing a Slack permission";
      fix = "ask a Slack admin to reinstall Rapport";
    } else {
      why = "Slack kept refusing it";
      fix = "if it keeps happening, tell whoever runs Rapport for your workspace";
    }
    return capitalized(what(letter.id())) + (channel == null ? "" : " for " + where) + " ("
        + SlackDates.moment(letter.at()) + ") wasn't delivered: " + why + "."
        + (fix.isEmpty() ? "" : " To fix it, " + fix + ".");
  }

  /** What a delivery was, read from its key: every feature's keys start with its name. */
  static String what(String id) {
    String[] parts = id.split(":");
    return switch (parts[0]) {
      case "pairing" -> id.contains(":announce:") ? "a coffee announcement"
          : id.endsWith(":intro") ? "a coffee intro"
          : id.endsWith(":followup") ? "a coffee follow-up"
          : id.endsWith(":ghost") ? "a coffee pause notice"
          : id.contains(":settings:") ? "a coffee settings confirmation"
          : "a coffee message";
      case "prompts" -> id.contains("|prompts|") && !id.endsWith(":none-left") ? "a scheduled empathy prompt"
          : "an empathy prompts message";
      case "pulse" -> parts.length > 1 && parts[1].equals("invite") ? "a pulse invitation"
          : parts.length > 1 && parts[1].equals("remind") ? "a pulse reminder" : "a pulse message";
      default -> "a message";
    };
  }

  /** The channel a delivery was about, when its key names one (coffee and scheduled prompts do). */
  static String channel(String id) {
    String[] parts = id.split(":");
    if (parts[0].equals("pairing") && parts.length > 1) {
      return parts[1];
    }
    if (parts[0].equals("prompts") && parts.length > 1 && parts[1].contains("|prompts|")) {
      String target = parts[1].substring(parts[1].lastIndexOf('|') + 1);
      return target.contains("@") ? target.substring(0, target.indexOf('@')) : target;
    }
    return null;
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
