package dev.rapport.slack;

/**
 * User-supplied text made safe to show in Slack's mrkdwn (blocks and fallback {@code text}): the three
 * characters Slack's markup is built from become entities, so {@code <!here>}, {@code <@U…>} or
 * {@code <https://…|…>} typed by someone shows as those characters and never pings, links or formats.
 */
public final class Mrkdwn {

  private Mrkdwn() {}

  public static String escape(String userText) {
    if (userText == null) {
      return "";
    }
    return userText.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
