package dev.rapport.people;

/**
 * A feature that keeps something about a person. {@code /coffee forget-me} asks every one of them to
 * erase that person from a workspace, so "forget me" means everywhere.
 */
public interface PersonalData {

  /** Removes {@code user} from everything this feature stored for {@code team}. */
  void forget(String team, String user) throws Exception;
}
