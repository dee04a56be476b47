package dev.rapport.slack;

/** Answers whether a user administers Rapport in a workspace (implemented by the people module). */
public interface AccessPolicy {

  /**
   * Whether {@code user} administers Rapport in {@code team}. On the ack path it answers only from what is
   * cached; a role it would have to ask Slack for stops the command until after the ack
   * ({@link AnswerLater#ifOnAckPath}), so check roles before changing anything.
   */
  boolean isAdmin(String team, String user);

  /** The people named as Rapport admins of {@code team} besides its workspace admins and owners. */
  default java.util.List<String> namedAdmins(String team) {
    return java.util.List.of();
  }

  /**
   * Who can help with something only admins may do, for the person refused: "ask a Rapport admin: …", saying
   * how to find one (no setting names: the person asking can't see or change them).
   */
  default String askAnAdmin(String team) {
    java.util.List<String> named = namedAdmins(team).stream().map(u -> "<@" + u + ">").toList();
    return "ask a Rapport admin: your workspace admins and owners (Slack lists them on your workspace's *About "
        + "this workspace* page)" + (named.isEmpty() ? "" : ", or " + String.join(", ", named));
  }
}
