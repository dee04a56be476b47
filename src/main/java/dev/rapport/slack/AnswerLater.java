package dev.rapport.slack;

import org.springframework.stereotype.Component;

/**
 * The one way to answer someone after the ack. Slack waits 3 seconds for the ack and nothing on the ack
 * path may call Slack ({@link AckPath}), so an answer that needs Slack, or time, goes to the request's
 * {@code response_url} (ephemeral, valid 30 minutes) once it is ready:
 * <ul>
 *   <li>In a slash subcommand, call {@link #ifOnAckPath} before anything changed and before the first call
 *       that needs Slack: on the ack path it stops the subcommand, the router acks with the given words
 *       ("Checking…") and runs the subcommand again right after the ack, where the call does nothing; the
 *       subcommand's {@link Reply} is the answer. A subcommand that already read what it needs and only
 *       has the Slack call left (a modal to open) uses {@link #afterAck} instead: after the ack only that
 *       call runs, so nothing is read twice.</li>
 *   <li>In a button, modal or event handler (or a job holding a {@code response_url}), hand the work to
 *       {@link #answer} and ack at once.</li>
 * </ul>
 * Either way a failure is answered in plain words ({@link Failures#describe}), {@link Reply#none()} answers
 * nothing (a modal opened, a message posted), and {@link Reply#replacingOriginal()} replaces the message
 * whose button was clicked.
 */
@Component
public class AnswerLater {

  /** The ack when a role must be checked with Slack. */
  public static final String CHECKING_ROLE = ":hourglass_flowing_sand: Checking with Slack that you're a "
      + "Rapport admin…";
  /** The ack when a profile (e.g. a time zone) must be read from Slack. */
  public static final String CHECKING_PROFILE = ":hourglass_flowing_sand: One moment: asking Slack for your "
      + "profile…";

  /** Work whose reply goes to whoever asked. */
  @FunctionalInterface
  public interface Answer {
    Reply run() throws Exception;
  }

  private final BackgroundWork work;
  private final SlackGateway slack;

  AnswerLater(BackgroundWork work, SlackGateway slack) {
    this.work = work;
    this.slack = slack;
  }

  /**
   * In a subcommand, on the ack path: stops here with {@link Deferred}, so the router acks with {@code ack}
   * ("Checking…", or empty when the answer is a modal) and runs the subcommand again after the ack. Off the
   * ack path it does nothing.
   */
  public static void ifOnAckPath(String ack) {
    if (AckPath.active()) {
      throw new Deferred(ack);
    }
  }

  /**
   * In a subcommand that has decided its answer and has only {@code then} left, which needs Slack (a modal
   * to open): on the ack path it stops here with {@link Deferred}, so the router acks with {@code ack} and
   * runs {@code then} right after the ack, instead of the whole subcommand again (what the subcommand read
   * to decide is not read twice). Off the ack path it runs {@code then} now. {@code then} may change nothing
   * that the subcommand should have checked again: it runs a moment after the check, as is.
   */
  public static Reply afterAck(String ack, Answer then) throws Exception {
    if (AckPath.active()) {
      throw new Deferred(ack, then);
    }
    return then.run();
  }

  /**
   * Runs {@code answer} off the request thread and posts its reply to {@code responseUrl} (nothing when the
   * reply is {@link Reply#none()} or there is no URL); if it fails, the person is told what went wrong
   * instead, in plain words. {@code what} names the work in logs and metrics.
   */
  public void answer(String what, String responseUrl, Answer answer) {
    work.submit(what, () -> {
      Reply reply;
      try {
        reply = answer.run();
      } catch (Exception e) {
        reply = Reply.text(Failures.describe(what, e));
      }
      if (responseUrl != null && !responseUrl.isBlank() && !reply.isNone()) {
        slack.respond(responseUrl, reply);
      }
    });
  }

  /**
   * Thrown by {@link #ifOnAckPath} where the answer needs Slack (a role or a time zone that isn't cached, a
   * modal to open, a channel to look at): the command router acks with {@link #ack} and answers later.
   */
  public static final class Deferred extends RuntimeException {

    private final String ack;
    private final transient Answer then;

    public Deferred(String ack) {
      this(ack, null);
    }

    Deferred(String ack, Answer then) {
      super("answered after the ack", null, false, false);
      this.ack = ack == null ? "" : ack;
      this.then = then;
    }

    /** The short, honest ack ("Checking…"), or empty when the answer is a modal. */
    public String ack() {
      return ack;
    }

    /** What to run after the ack ({@link #afterAck}); null to run the whole subcommand again. */
    Answer then() {
      return then;
    }
  }
}
