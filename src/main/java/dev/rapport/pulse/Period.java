package dev.rapport.pulse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One period of a channel's pulse: opened by an occurrence of the cadence, closed by the next one (or by
 * {@code /pulse close}). Times are of the period, never of an answer.
 *
 * @param closes when it is planned to close; {@code closed} is when it did (null until then)
 * @param invited how many people were invited when it opened (only they may answer)
 * @param state open (takes answers), closing (answers being tallied), closed (totals written)
 * @param sealed whether its answers are sealed under a period key; false for periods opened before that
 *     (their counts were written as they came, and they take no more answers)
 * @param withheldBy the channel whose overlapping period made this one's results withheld at close
 *     (differencing guard), or null
 * @param early opened by {@code /pulse now}, off the schedule: scheduled openings before it closes are skipped
 */
record Period(String id, Instant opened, Instant closes, Instant closed, int invited, State state, boolean sealed,
              String withheldBy, boolean early) {

  enum State { OPEN, CLOSING, CLOSED }

  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
      .withZone(ZoneOffset.UTC);

  Period(String id, Instant opened, Instant closes, Instant closed, int invited, State state, boolean sealed,
         String withheldBy) {
    this(id, opened, closes, closed, invited, state, sealed, withheldBy, false);
  }

  /** A period about to open; {@code early} when {@code /pulse now} opens it. */
  static Period planned(String id, Instant opened, Instant closes, int invited, boolean early) {
    return new Period(id, opened, closes, null, invited, State.OPEN, true, null, early);
  }

  static Period planned(String id, Instant opened, Instant closes, int invited) {
    return planned(id, opened, closes, invited, false);
  }

  /** The id of the period an occurrence due at {@code due} opens, e.g. {@code 20250106T0900Z}. */
  static String idFor(Instant due) {
    return ID.format(due);
  }

  boolean isOpen() {
    return state == State.OPEN;
  }

  boolean isClosed() {
    return state == State.CLOSED;
  }
}
