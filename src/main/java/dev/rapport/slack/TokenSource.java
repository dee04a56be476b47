package dev.rapport.slack;

/** The bot token to use for a workspace: the configured one, or the installation's (OAuth). */
public interface TokenSource {

  /** @throws NotInstalledException when Rapport is not installed in that workspace */
  String botToken(String team);

  /** Thrown when a workspace has no installation, e.g. after it uninstalled Rapport. */
  class NotInstalledException extends RuntimeException {
    public NotInstalledException(String team) {
      super("Rapport is not installed in workspace " + team, null, false, false);
    }
  }
}
