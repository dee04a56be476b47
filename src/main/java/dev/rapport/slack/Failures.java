package dev.rapport.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns any failure into words a Slack user can act on. Logs carry the failure's type and where it
 * happened, never the user's text, answers or tokens.
 */
public final class Failures {

  private static final Logger log = LoggerFactory.getLogger(Failures.class);

  public static final String STORAGE_DOWN =
      ":hourglass: Rapport can't reach its storage right now, so nothing was changed. "
          + "Please try again shortly.";
  public static final String SOMETHING_WRONG =
      ":warning: Something went wrong on our side and nothing was changed. Please try again; "
          + "if it keeps happening, let your Slack admin know.";

  private Failures() {}

  /** Logs a failure of {@code what} (e.g. "/coffee start") and returns the text to show for it. */
  public static String describe(String what, Throwable e) {
    log(what, e);
    if (e instanceof UserError) {
      return e.getMessage();
    }
    if (isStorageDown(e)) {
      return STORAGE_DOWN;
    }
    if (e instanceof TokenSource.NotInstalledException) {
      return ":electric_plug: Rapport isn't installed in this workspace any more. "
          + "Ask your Slack admin to reinstall it.";
    }
    if (e instanceof SlackCallException slack) {
      return ":warning: Slack didn't accept our request (`" + slack.error() + "`), so nothing was "
          + "changed. Please try again in a moment.";
    }
    return SOMETHING_WRONG;
  }

  /**
   * Logs a failure of {@code what} where nobody is waiting for an answer: a warning with its kind when it
   * is expected (Redis away, Slack refused, not installed), the stack trace when it is a bug; a
   * {@link UserError} is no failure of ours and isn't logged.
   */
  public static void log(String what, Throwable e) {
    if (e instanceof UserError) {
      return;
    }
    if (isStorageDown(e)) {
      log.warn("{}: Redis unavailable ({})", what, e.getClass().getSimpleName());
    } else if (e instanceof TokenSource.NotInstalledException) {
      log.warn("{}: {}", what, e.getMessage());
    } else if (e instanceof SlackCallException slack) {
      log.warn("{}: Slack call {} failed: {} {}", what, slack.method(), slack.kind(), slack.error());
    } else {
      log.error("{} failed", what, e);
    }
  }

  /** Whether the failure means Redis is unreachable (down, restarting, timing out). */
  public static boolean isStorageDown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JedisException) {
        return true;
      }
    }
    return false;
  }
}
