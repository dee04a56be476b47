package dev.rapport.people;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What Rapport needs to know of a Slack user: whether they count as a person for pairing (not a bot,
 * not deactivated, guest or not), their time zone, whether they administer the workspace, whether their
 * status says they're away ({@link OutOfOffice}: only that, never the status itself) and until when, and the
 * start date Slack's profile gives them, if any.
 *
 * @param outUntil epoch second the away status expires; 0 when it has no end
 * @param startDate Slack's {@code profile.start_date} (ISO date), or null
 */
public record Profile(String id, String name, String timeZone, int utcOffsetSeconds, boolean admin,
                      boolean owner, boolean bot, boolean deleted, boolean guest, String title,
                      boolean outOfOffice, long outUntil, String startDate) {

  /** A real, active member (bots and deactivated accounts are never paired or invited). */
  public boolean isHuman() {
    return !bot && !deleted && !"USLACKBOT".equals(id);
  }

  /** Whether their Slack status says they're away (out of office, on vacation) at {@code at}. */
  public boolean awayAt(Instant at) {
    return outOfOffice && (outUntil <= 0 || Instant.ofEpochSecond(outUntil).isAfter(at));
  }

  /** The start date in their Slack profile, when there is one Rapport can read. */
  public Optional<LocalDate> slackStartDate() {
    String date = startDate == null ? "" : startDate.strip();
    if (date.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(date.substring(0, Math.min(10, date.length()))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
