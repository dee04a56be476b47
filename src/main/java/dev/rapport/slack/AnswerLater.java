package dev.rapport.slack;

/**
 * Thrown on the ack path where the answer needs Slack (a role or a time zone that isn't cached, a modal to
 * open, a channel to look at): the command router acks with {@link #ack} at once and runs the command
 * again right after the ack, off the request thread, where Slack may be asked; its answer goes to the
 * command's {@code response_url}. See {@link AckPath#answerLater}. Throw it only before anything changed:
 * the command runs again from the start.
 */
public final class AnswerLater extends RuntimeException {

  /** The ack when a role must be checked with Slack. */
  public static final String CHECKING_ROLE = ":hourglass_flowing_sand: Checking with Slack that you're a "
      + "Rapport admin…";
  /** The ack when a profile (e.g. a time zone) must be read from Slack. */
  public static final String CHECKING_PROFILE = ":hourglass_flowing_sand: One moment: asking Slack for your "
      + "profile…";

  private final String ack;

  public AnswerLater(String ack) {
    super("answered after the ack", null, false, false);
    this.ack = ack == null ? "" : ack;
  }

  /** The short, honest ack ("Checking…"), or empty when the answer is a modal. */
  public String ack() {
    return ack;
  }
}
