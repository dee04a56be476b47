package dev.rapport.prompts;

import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.UserError;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules every prompt text follows, built in or added by a workspace: plain text, at most 150 characters
 * (a header's limit), and no mentions or links. A prompt is kept as the person typed it and escaped
 * ({@link Mrkdwn#escape}) wherever it is shown.
 */
final class PromptText {

  /** Longest prompt or "why": fits a plain_text field (150), so other features can show it anywhere. */
  static final int MAX_LENGTH = 150;
  static final int MIN_LENGTH = 10;

  /** A prompt that talks about "this thread" or "this channel" only works as a channel post. */
  private static final Pattern THREAD_WORDS = Pattern.compile("\\b(thread|channel)\\b", Pattern.CASE_INSENSITIVE);
  /** Slack's escaped entities in command text: user, channel and group mentions, broadcasts, links. */
  private static final Pattern ENTITY = Pattern.compile("<[@#!]|<(https?|mailto):", Pattern.CASE_INSENSITIVE);

  private PromptText() {}

  /**
   * The plain text of a prompt typed in a slash command (what the person typed: Slack's {@code &lt;} is
   * {@code <} again), or a {@link UserError} saying what to change. Real mentions and links, which Slack
   * sends as {@code <…>}, are refused; typed angle brackets are kept as characters.
   */
  static String fromCommand(String raw, String what) {
    String text = raw == null ? "" : raw.trim().replaceAll("\\s+", " ");
    if (ENTITY.matcher(text).find()) {
      throw new UserError(":pencil2: A prompt is plain text: please leave out mentions, channels and links, "
          + "then try again.");
    }
    text = Mrkdwn.fromCommand(text);
    if (text.length() < MIN_LENGTH) {
      throw new UserError(":pencil2: That " + what + " is too short (at least " + MIN_LENGTH + " characters)."
          + (what.equals("prompt") ? " Write it as a question or an invitation people can answer, e.g. "
          + "`What's a small win from this week?`" : ""));
    }
    if (text.length() > MAX_LENGTH) {
      throw new UserError(":pencil2: That " + what + " is " + text.length() + " characters; prompts are at "
          + "most " + MAX_LENGTH + " so they read well in Slack. Please shorten it and try again.");
    }
    return text;
  }

  static boolean threadOnly(String text) {
    return THREAD_WORDS.matcher(text).find();
  }

  /** The same text, however it is capitalised, spaced or punctuated (for duplicate checks). */
  static String normalized(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }
}
