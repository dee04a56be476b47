package dev.rapport.slack;

/** Answers whether a user administers Rapport in a workspace (implemented by the people module). */
public interface AccessPolicy {

  /**
   * Whether {@code user} administers Rapport in {@code team}. On the ack path it answers only from what is
   * cached; a role it would have to ask Slack for throws {@link AnswerLater} (check roles before changing
   * anything).
   */
  boolean isAdmin(String team, String user);
}
