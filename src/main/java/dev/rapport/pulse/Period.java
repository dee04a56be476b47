package dev.rapport.pulse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One period of a channel's pulse: opened by an occurrence of the cadence, closed by the next one (or by
 * {@code /pulse close}). Times are of the period, never of an answer.
 *
 * @param closes when it is planned to close; {@code closed} is when it did (null while open)
 * @param invited how many people were invited when it opened (for the response rate)
 */
record Period(String id, Instant opened, Instant closes, Instant closed, int invited) {

  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
      .withZone(ZoneOffset.UTC);

  /** The id of the period an occurrence due at {@code due} opens, e.g. {@code 20250106T0900Z}. */
  static String idFor(Instant due) {
    return ID.format(due);
  }

  boolean isOpen() {
    return closed == null;
  }
}
