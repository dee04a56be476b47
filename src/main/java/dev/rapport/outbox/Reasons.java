package dev.rapport.outbox;

import java.util.Set;

/**
 * Slack's error codes in words an HR person understands: why a message wasn't delivered and what fixes it.
 * One place, so a DM to an admin, {@code /coffee stats}, {@code /empathy stats} and the Home tab say the
 * same thing.
 */
final class Reasons {

  private static final Set<String> NO_ACCESS = Set.of("invalid_auth", "not_authed", "token_revoked",
      "token_expired", "account_inactive", "no_permission", "org_login_required", "team_access_not_granted",
      "app_uninstalled", "ekm_access_denied");
  private static final Set<String> GONE = Set.of("user_disabled", "user_not_found", "users_not_found",
      "user_is_deactivated");
  private static final Set<String> CONTENT = Set.of("msg_too_long", "invalid_blocks", "invalid_blocks_format",
      "too_many_attachments", "no_text", "invalid_metadata_format", "invalid_metadata_schema",
      "metadata_too_large");
  private static final Set<String> BUSY = Set.of("fatal_error", "internal_error", "service_unavailable",
      "request_timeout", "ratelimited", "rate_limited");

  private Reasons() {}

  static String why(String code, String channel) {
    String where = where(channel);
    if (code.equals("not_in_channel")) {
      return "Rapport isn't a member of " + where;
    }
    if (code.equals("channel_not_found")) {
      return "Slack couldn't find " + where + " for Rapport: it was deleted, or it is private and Rapport isn't "
          + "in it";
    }
    if (code.equals("is_archived")) {
      return where + " is archived";
    }
    if (code.startsWith("restricted_action")) {
      return where + "'s settings don't let Rapport post there";
    }
    if (code.equals("cannot_dm_bot")) {
      return "it was for a bot, and Rapport can't message bots";
    }
    if (GONE.contains(code)) {
      return "it was for someone whose Slack account is deactivated";
    }
    if (NO_ACCESS.contains(code)) {
      return "Rapport's access to this workspace was revoked or has expired";
    }
    if (code.equals("missing_scope")) {
      return "Rapport is missing a Slack permission it needs";
    }
    if (CONTENT.contains(code)) {
      return "Slack refused the message itself";
    }
    if (BUSY.contains(code) || code.startsWith("http_") || code.endsWith("Exception")) {
      return "Slack was unavailable, and several tries didn't get through";
    }
    return "Slack refused it (" + code + ")";
  }

  /** What fixes it, or "" when nothing needs doing (a bot, a deactivated account, Slack was down). */
  static String fix(String code, String channel) {
    String where = where(channel);
    if (code.equals("not_in_channel")) {
      return "type `/invite @Rapport` in " + where;
    }
    if (code.equals("channel_not_found")) {
      return "if the channel still exists, type `/invite @Rapport` in it";
    }
    if (code.equals("is_archived")) {
      return "unarchive it, or stop what is scheduled there";
    }
    if (code.startsWith("restricted_action")) {
      return "ask whoever manages " + where + " to let apps post there";
    }
    if (code.equals("cannot_dm_bot") || GONE.contains(code) || BUSY.contains(code) || code.startsWith("http_")
        || code.endsWith("Exception")) {
      return "";
    }
    if (NO_ACCESS.contains(code) || code.equals("missing_scope")) {
      return "ask a Slack admin to reinstall Rapport";
    }
    return "tell whoever runs Rapport for your workspace";
  }

  private static String where(String channel) {
    return channel == null || channel.isBlank() ? "the channel" : "<#" + channel + ">";
  }
}
