package dev.rapport.dashboard;

import java.util.List;

/**
 * Who is looking, worked out on every request (a role Slack took away is gone at the next page): their
 * workspace and id, whether they administer Rapport, the teams whose pulse they manage, and their forms' token.
 */
public record Viewer(String team, String user, String name, boolean admin, List<String> managed, String csrf) {

  static final String ATTRIBUTE = "viewer";

  public boolean manager() {
    return !managed.isEmpty();
  }
}
