package dev.rapport.people;

/**
 * What Rapport needs to know of a Slack user: whether they count as a person for pairing (not a bot,
 * not deactivated, guest or not), their time zone, and whether they administer the workspace.
 */
public record Profile(String id, String name, String timeZone, int utcOffsetSeconds, boolean admin,
                      boolean owner, boolean bot, boolean deleted, boolean guest, String title) {

  /** A real, active member (bots and deactivated accounts are never paired or invited). */
  public boolean isHuman() {
    return !bot && !deleted && !"USLACKBOT".equals(id);
  }
}
