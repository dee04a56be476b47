package dev.rapport.prompts;

import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.UserError;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The four connection strategies that every prompt practises. */
public enum Strategy {
  LISTENING("listening", "Active listening", ":ear:",
      "Hearing each other out, and showing it, is active listening in practice."),
  EMPATHY("empathy", "Expressing empathy", ":handshake:",
      "Seeing a situation through a colleague's eyes, and saying so, is how empathy grows."),
  VULNERABILITY("vulnerability", "Sharing vulnerability", ":seedling:",
      "Sharing a little of what's real, at the depth you choose, builds trust."),
  QUALITY_TIME("quality-time", "Quality time", ":hourglass_flowing_sand:",
      "A little undivided time together is what quality time is made of.");

  private final String id;
  private final String label;
  private final String emoji;
  private final String why;

  Strategy(String id, String label, String emoji, String why) {
    this.id = id;
    this.label = label;
    this.emoji = emoji;
    this.why = why;
  }

  /** The word used in commands and in the library file, e.g. {@code quality-time}. */
  public String id() {
    return id;
  }

  /** How people read it, e.g. "Active listening". */
  public String label() {
    return label;
  }

  String emoji() {
    return emoji;
  }

  /** The "why this helps" of a workspace's own prompt that came without one. */
  String defaultWhy() {
    return why;
  }

  public static Optional<Strategy> parse(String word) {
    String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.id.equals(w)).findFirst();
  }

  /** The strategy {@code word} names, or a {@link UserError} that lists the valid ones. */
  static Strategy require(String word) {
    return parse(word).orElseThrow(() -> new UserError(":thinking_face: " + Mrkdwn.echo(word)
        + " isn't a strategy. Use one of " + choices() + "."));
  }

  /** "`listening`, `empathy`, `vulnerability` or `quality-time`". */
  static String choices() {
    String all = Arrays.stream(values()).map(s -> "`" + s.id + "`").collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " or " + all.substring(last + 2);
  }
}
