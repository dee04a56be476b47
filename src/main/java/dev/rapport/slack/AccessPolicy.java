package dev.rapport.slack;

/** Answers whether a user administers Rapport in a workspace (implemented by the people module). */
public interface AccessPolicy {

  boolean isAdmin(String team, String user);
}
