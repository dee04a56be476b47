package dev.rapport.slack;

/**
 * Something the user asked for that we can't do as asked. The message is shown to them as is
 * (ephemeral), so it names what was wrong and how to fix it.
 */
public class UserError extends RuntimeException {

  public UserError(String message) {
    super(message, null, false, false);
  }
}
