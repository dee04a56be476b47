package dev.rapport.pulse;

import dev.rapport.slack.UserError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads user mentions as Slack escapes them in command text ({@code <@U123|name>} or {@code <@U123>}). */
final class Mentions {

  private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

  private Mentions() {}

  /** The mentioned user ids, in order, each once; a word that is not a mention is refused. */
  static List<String> users(String text) {
    Set<String> users = new LinkedHashSet<>();
    for (String word : text.trim().split("\\s+(?![^<]*>)")) {
      if (word.isEmpty()) {
        continue;
      }
      Matcher m = MENTION.matcher(word);
      if (!m.matches()) {
        throw new UserError("I expected people mentioned with @, like `@alex`, but got `"
            + word.replace("`", "'") + "`.");
      }
      users.add(m.group(1));
    }
    return List.copyOf(users);
  }
}
