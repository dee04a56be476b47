package dev.rapport.slack;

/** Multi-workspace mode stores every workspace's tokens in Redis, and refuses to store them in clear. */
class MissingEncryptionKeyException extends IllegalStateException {

  static final String DESCRIPTION = "Rapport is set up to install into several workspaces (SLACK_CLIENT_ID and "
      + "SLACK_CLIENT_SECRET are set), so it keeps each workspace's bot token in Redis, sealed with "
      + "RAPPORT_ENCRYPTION_KEY; that variable is not set.";
  static final String ACTION = "Make a key with `openssl rand -base64 32` and set it as RAPPORT_ENCRYPTION_KEY, "
      + "the same on every replica. Keep it out of Redis and out of backups of Redis. See \"Secrets at rest\" in "
      + "the README (also for rotating it).";

  MissingEncryptionKeyException() {
    super(DESCRIPTION + " " + ACTION);
  }
}
