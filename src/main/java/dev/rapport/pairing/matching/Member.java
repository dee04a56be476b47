package dev.rapport.pairing.matching;

import java.util.Objects;

/**
 * A member of the pool for one round.
 *
 * @param hours working hours in the member's local time; {@code null} means unknown and is treated
 *     as 09:00-17:00 local
 * @param department {@code null} means unknown: no cross-team preference applies to this member
 * @param zoneKnown false when the member's time zone is unknown: then neither their offset nor their hours
 *     say anything, and they count as able to meet at any hour (they never limit a group's common time)
 */
public record Member(String id, int utcOffsetMinutes, WorkingHours hours, String department, boolean zoneKnown) {

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

  /** A member whose time zone is known. */
  public Member(String id, int utcOffsetMinutes, WorkingHours hours, String department) {
    this(id, utcOffsetMinutes, hours, department, true);
  }

  /** A member whose time zone is unknown (none in their profile): not placed in any zone. */
  public static Member zoneUnknown(String id, String department) {
    return new Member(id, 0, null, department, false);
  }

  WorkingHours hoursOrDefault() {
    return hours == null ? WorkingHours.DEFAULT : hours;
  }
}
