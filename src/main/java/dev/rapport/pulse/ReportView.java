package dev.rapport.pulse;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.SlackDates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes results for people: the {@code /pulse report} blocks and the Home tab summary. Only reads
 * {@link PeriodResult}s, which carry nothing for periods that may not be shown.
 */
final class ReportView {

  static final String NOT_ENOUGH = "not enough answers to keep them anonymous";
  private static final int MAX_BLOCKS = 48;
  private static final int MAX_TEXT = 2900;

  private ReportView() {}

  /** The report of {@code results} (oldest first), newest first on screen. */
  static List<LayoutBlock> report(String channel, int weeks, List<PeriodResult> results, int k) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*Team pulse of <#" + channel + ">, last " + weeks
        + (weeks == 1 ? " week" : " weeks") + "*"))));
    blocks.add(context(List.of(markdownText("Scores from 1 (strongly disagree) to 5 (strongly agree). Results "
        + "appear once a period closes, and only with at least " + k + " answers."))));
    if (results.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("No pulse period in that time yet."))));
      return blocks;
    }
    for (int i = results.size() - 1; i >= 0; i--) {
      List<LayoutBlock> part = period(results.get(i), i > 0 ? results.get(i - 1) : null, k);
      if (blocks.size() + part.size() + 1 > MAX_BLOCKS) {
        boolean newest = i == results.size() - 1;
        if (newest) {
          // Its comments come last: the newest period is shown with as many of them as one message holds.
          blocks.add(divider());
          blocks.addAll(part.subList(0, MAX_BLOCKS - blocks.size() - 1));
        }
        blocks.add(context(List.of(markdownText(newest
            ? "Some comments are left out here: one Slack message can't hold them all."
                + (i > 0 ? " Older periods too; `/pulse export` has their scores." : "")
            : "Older periods are left out here; `/pulse export` has them all."))));
        break;
      }
      blocks.add(divider());
      blocks.addAll(part);
    }
    return blocks;
  }

  static String fallback(String channel) {
    return "Team pulse of <#" + channel + ">";
  }

  private static List<LayoutBlock> period(PeriodResult r, PeriodResult previous, int k) {
    Period p = r.period();
    if (r.disclosure() == PeriodResult.Disclosure.PENDING) {
      String state = p.isOpen() ? "open until " + SlackDates.moment(p.closes()) + ". Results once it closes."
          : "closing: its answers are being added up.";
      return List.of(section(s -> s.text(markdownText("*" + SlackDates.day(p.opened()) + " – now* · " + state))));
    }
    if (r.disclosure() == PeriodResult.Disclosure.WITHHELD) {
      return List.of(section(s -> s.text(markdownText("*" + Dates.span(p) + "* · results withheld\n_"
          + withheld(p, k) + "_"))));
    }
    String head = "*" + Dates.span(p) + "* · " + answered(r);
    if (!r.shown()) {
      return List.of(section(s -> s.text(markdownText(head + "\n_" + capitalize(NOT_ENOUGH) + " (at least " + k
          + " needed)._"))));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    List<TextObject> fields = new ArrayList<>();
    for (Question q : Question.values()) {
      fields.add(markdownText("*" + q.label + "* " + mean(r.mean(q)) + change(r, previous, q)
          + (r.hasDistribution() ? "\n" + distribution(r, q) : "")));
    }
    blocks.add(section(s -> s.text(markdownText(head)).fields(fields)));
    if (!r.hasDistribution()) {
      blocks.add(context(List.of(markdownText("Means only: the 1–5 counts of each question show from " + 2 * k
          + " answers, since with fewer they could give away how one person answered."))));
    }
    if (!r.comments().isEmpty()) {
      List<String> chunks = new ArrayList<>();
      StringBuilder chunk = new StringBuilder("*Comments* _(random order)_");
      for (String comment : r.comments()) {
        for (String line : lines(Mrkdwn.escape(comment).replace("\n", "\n> "))) {
          if (chunk.length() + line.length() > MAX_TEXT) {
            chunks.add(chunk.toString());
            chunk = new StringBuilder();
          }
          chunk.append(line);
        }
      }
      chunks.add(chunk.toString());
      chunks.forEach(text -> blocks.add(section(s -> s.text(markdownText(text)))));
    }
    return blocks;
  }

  /**
   * An escaped comment as quoted lines that each fit in a section: a long one (escaping can make 1,000
   * characters 5,000) is split, never cut short, and never inside an entity or a surrogate pair.
   */
  private static List<String> lines(String escaped) {
    List<String> lines = new ArrayList<>();
    String rest = escaped;
    int room = MAX_TEXT - 3;
    while (rest.length() > room) {
      int cut = room;
      if (Character.isLowSurrogate(rest.charAt(cut))) {
        cut--;
      }
      int amp = rest.lastIndexOf('&', cut - 1);
      if (amp >= 0 && rest.indexOf(';', amp) >= cut) {
        cut = amp;
      }
      lines.add("\n> " + rest.substring(0, cut));
      rest = rest.substring(cut);
    }
    lines.add("\n> " + rest);
    return lines;
  }

  /** One line per team for the Home tab: the latest closed period of a team a person manages. */
  static String summary(String channel, PeriodResult r, int k) {
    if (r == null) {
      return "*<#" + channel + ">* · no closed period yet.";
    }
    if (r.disclosure() == PeriodResult.Disclosure.WITHHELD) {
      return "*<#" + channel + ">* · " + Dates.span(r.period()) + " · results withheld\n_"
          + withheld(r.period(), k) + "_";
    }
    String head = "*<#" + channel + ">* · " + Dates.span(r.period()) + " · " + answered(r);
    if (!r.shown()) {
      return head + "\n_" + capitalize(NOT_ENOUGH) + " (at least " + k + " needed)._";
    }
    StringBuilder line = new StringBuilder(head).append('\n');
    for (Question q : Question.values()) {
      line.append(q == Question.TRUST ? "" : " · ").append(q.label).append(' ').append(mean(r.mean(q)));
    }
    return line.toString();
  }

  /** Why the differencing guard withheld a period, for the manager. */
  static String withheld(Period p, int k) {
    return "Its pulse ran at the same time as <#" + p.withheldBy() + ">'s, whose members differ from this "
        + "channel's by fewer than " + k + " people. Showing both would let anyone subtract one from the other "
        + "and read those few people's answers, so only the one that closed first is shown. To see both, "
        + "let the two channels differ by at least " + k + " people, or run one pulse for both.";
  }

  static String answered(PeriodResult r) {
    String rate = Double.isNaN(r.responseRate()) ? ""
        : " (" + Math.round(r.responseRate() * 100) + "%)";
    return r.responses() + " of " + r.period().invited() + " answered" + rate;
  }

  static String mean(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String change(PeriodResult r, PeriodResult previous, Question q) {
    if (previous == null || !previous.shown()) {
      return "";
    }
    double delta = Math.round((r.mean(q) - previous.mean(q)) * 10) / 10.0;
    if (Double.isNaN(delta)) {
      return "";
    }
    return delta == 0 ? " (no change)" : String.format(Locale.ROOT, " (%s%.1f)", delta > 0 ? "+" : "−",
        Math.abs(delta));
  }

  private static String distribution(PeriodResult r, Question q) {
    StringBuilder line = new StringBuilder("`");
    for (int score = Question.MIN_SCORE; score <= Question.MAX_SCORE; score++) {
      line.append(score == Question.MIN_SCORE ? "" : "  ").append(score).append(':').append(r.count(q, score));
    }
    return line.append('`').toString();
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
