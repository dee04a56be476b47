package dev.rapport.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way user text reaches Slack. Text people typed is kept as they typed it (plain, unescaped) and
 * goes through {@link #escape} wherever it is shown — in every text object of blocks and views, mrkdwn or
 * plain_text, and in fallback {@code text} — so {@code <!here>}, {@code <@U…>} or {@code <https://…|…>}
 * typed by someone shows as those characters and never pings, mentions or links. Slack's inline emphasis
 * ({@code *bold*}, {@code _italic_}) is not markup Slack can escape, so it stays as typed.
 */
public final class Mrkdwn {

  /** Longest echo of a typed word ({@link #code}); longer ones end in "…". */
  static final int ECHO_LENGTH = 60;

  /** In command text: a Slack entity ({@code <@U1|name>}, {@code <!here>}, a link) or an escaped character. */
  private static final Pattern COMMAND_TOKEN = Pattern.compile("<([^<>]*)>|&(amp|lt|gt);");
  private static final Pattern ESCAPED = Pattern.compile("&(amp|lt|gt);");
  private static final Pattern BARE_MENTION = Pattern.compile("@(?=[\\p{L}\\p{N}_.-])");
  static final char WORD_JOINER = '\u2060';

  private Mrkdwn() {}

  /**
   * {@code userText} safe in any Slack text: {@code & < >} become entities, and an {@code @} before a name
   * gets an invisible word joiner, because Slack's default ({@code verbatim: false}) may still turn a bare
   * {@code @here} or {@code @name} into a mention. Null is empty.
   */
  public static String escape(String userText) {
    if (userText == null) {
      return "";
    }
    String escaped = userText.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return BARE_MENTION.matcher(escaped).replaceAll("@" + WORD_JOINER);
  }

  /**
   * What a person typed, from the text of a slash command: Slack sends {@code & < >} as entities, and
   * mentions, broadcasts and links it recognised as {@code <…>}; each becomes what the person saw in their
   * composer ({@code @name}, {@code #channel}, {@code @here}, a link's label or address). The result is
   * plain text: store it as is, {@link #escape} it to show it.
   */
  public static String fromCommand(String slackText) {
    if (slackText == null) {
      return "";
    }
    Matcher m = COMMAND_TOKEN.matcher(slackText);
    StringBuilder plain = new StringBuilder(slackText.length());
    while (m.find()) {
      String shown = m.group(1) != null ? entity(m.group(1)) : character(m.group(2));
      m.appendReplacement(plain, Matcher.quoteReplacement(shown));
    }
    return m.appendTail(plain).toString();
  }

  /**
   * A word from the user shown in a code span, as in "I don't know {@code `blursday`}": plain text, on one
   * line, at most {@value #ECHO_LENGTH} characters, backticks (which would end the span) turned into
   * {@code '}, and escaped.
   */
  public static String code(String plainText) {
    String word = (plainText == null ? "" : plainText).replace('`', '\'').replaceAll("\\s+", " ").strip();
    if (word.codePointCount(0, word.length()) > ECHO_LENGTH) {
      word = word.substring(0, word.offsetByCodePoints(0, ECHO_LENGTH)) + "…";
    }
    return "`" + escape(word) + "`";
  }

  /** Words of a slash command echoed back in a code span: {@link #code} of {@link #fromCommand}. */
  public static String echo(String slackText) {
    return code(fromCommand(slackText));
  }

  /** The text of one {@code <…>} entity: {@code @U1|ann} is "@ann", {@code !here} "@here", a link its label. */
  private static String entity(String inside) {
    int bar = inside.indexOf('|');
    String target = bar < 0 ? inside : inside.substring(0, bar);
    String label = bar < 0 || bar == inside.length() - 1 ? null : unescape(inside.substring(bar + 1));
    if (target.startsWith("@") || target.startsWith("#")) {
      String sigil = target.substring(0, 1);
      String name = label != null ? label : target.substring(1);
      return name.startsWith(sigil) ? name : sigil + name;
    }
    if (target.startsWith("!")) {
      String special = target.substring(1);
      if (label != null) {
        return label;
      }
      if (special.startsWith("subteam^")) {
        return "@" + special.substring("subteam^".length());
      }
      return special.matches("here|channel|everyone") ? "@" + special : special;
    }
    return label != null ? label : unescape(target.startsWith("mailto:") ? target.substring(7) : target);
  }

  private static String unescape(String text) {
    Matcher m = ESCAPED.matcher(text);
    StringBuilder plain = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(plain, Matcher.quoteReplacement(character(m.group(1))));
    }
    return m.appendTail(plain).toString();
  }

  private static String character(String entity) {
    return switch (entity) {
      case "amp" -> "&";
      case "lt" -> "<";
      default -> ">";
    };
  }
}
