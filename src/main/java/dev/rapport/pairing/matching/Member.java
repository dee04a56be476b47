package dev.rapport.pairing.matching;

import java.util.Objects;

/**
 * A member of the pool for one round.
 *
 * @param hours working hours in the member's local time; {@code null} means unknown and is treated
 *     as 09:00-17:00 local
 * @param department {@code null} means unknown: no cross-team preference applies to this member
 */
public record Member(String id, int utcOffsetMinutes, WorkingHours hours, String department) {

  static final int MAX_OFFSET_MINUTES = 18 * 60;

  public Member {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("member id must not be blank");
    }
    if (Math.abs(utcOffsetMinutes) > MAX_OFFSET_MINUTES) {
      throw new IllegalArgumentException("UTC offset out of range (+-18h): " + utcOffsetMinutes);
    }
  }

  WorkingHours hoursOrDefault() {
    return hours == null ? WorkingHours.DEFAULT : hours;
  }
}
