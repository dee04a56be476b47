package dev.rapport.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads user mentions from command text. Slack escapes them as {@code <@U123|name>} (should_escape). */
public final class Mentions {

  private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

  private Mentions() {}

  /** The one user mentioned in {@code text}; a {@link UserError} naming {@code usage} otherwise. */
  public static String user(String text, String usage) {
    Matcher m = USER.matcher(text == null ? "" : text.trim());
    if (!m.find()) {
      String shown = text == null || text.isBlank() ? "nothing" : Mrkdwn.echo(text.trim());
      throw new UserError("I need a person to go with that: mention them with @, e.g. `" + usage
          + "`. I got " + shown + ".");
    }
    String user = m.group(1);
    if (m.find()) {
      throw new UserError("Please mention one person at a time, e.g. `" + usage + "`.");
    }
    return user;
  }

  /** Every user mentioned, in order, each once; a word that is not a mention is refused. */
  public static java.util.List<String> users(String text) {
    java.util.Set<String> users = new java.util.LinkedHashSet<>();
    for (String word : (text == null ? "" : text).trim().split("\\s+(?![^<]*>)")) {
      if (word.isEmpty()) {
        continue;
      }
      Matcher m = USER.matcher(word);
      if (!m.matches()) {
        throw new UserError("I expected people mentioned with @, like `@alex`, but got "
            + Mrkdwn.echo(word) + ".");
      }
      users.add(m.group(1));
    }
    return java.util.List.copyOf(users);
  }
}
