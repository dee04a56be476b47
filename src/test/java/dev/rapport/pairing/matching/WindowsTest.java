package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class WindowsTest {

  @Test
  void overlapIsComputedOnUtcFromEachMembersOffset() {
    assertThat(overlap(day(0), day(0))).isEqualTo(8 * 60);
    assertThat(overlap(day(0), day(5 * 60 + 30))).isEqualTo(150); // London and India
    assertThat(overlap(day(0), day(10 * 60))).isZero(); // London and Sydney
    assertThat(overlap(day(-8 * 60), day(10 * 60))).isEqualTo(120); // across the date line
  }

  @Test
  void unknownHoursAreNineToFiveLocal() {
    assertThat(overlap(new Member("x", 60, null, null), day(60))).isEqualTo(8 * 60);
  }

  @Test
  void anUnknownTimeZoneLimitsNobody() {
    Member unknown = Member.zoneUnknown("u", null);
    assertThat(overlap(unknown, day(9 * 60))).isEqualTo(8 * 60); // Tokyo keeps its whole day
    assertThat(overlap(unknown, Member.zoneUnknown("v", null))).isEqualTo(24 * 60);
    Windows windows = Windows.of(new Member[] {day(0), unknown, day(2 * 60)});
    assertThat(windows.overlap(new int[] {0, 1, 2}, 3)).isEqualTo(6 * 60); // what the known two share
    // Read as UTC, the same person would have shared nothing with Tokyo.
    assertThat(overlap(new Member("u", 0, null, null), day(9 * 60))).isZero();
  }

  @Test
  void hoursMayCrossMidnight() {
    Member night = new Member("n", 0, new WorkingHours(LocalTime.of(22, 0), LocalTime.of(6, 0)),
        null);
    assertThat(overlap(night, day(10 * 60))).isEqualTo(7 * 60); // Sydney's 09-17 = 23-07 UTC
    assertThat(overlap(night, day(0))).isZero();
  }

  @Test
  void aGroupSharesOnlyWhatAllItsMembersShare() {
    Windows windows = Windows.of(new Member[] {day(0), day(2 * 60), day(4 * 60), day(10 * 60)});
    assertThat(windows.overlap(new int[] {0, 1, 2}, 3)).isEqualTo(4 * 60); // 09-13 UTC
    assertThat(windows.overlap(new int[] {0, 1, 3}, 3)).isZero();
  }

  private static Member day(int offsetMinutes) {
    return new Member("m" + offsetMinutes, offsetMinutes,
        new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)), null);
  }

  private static int overlap(Member a, Member b) {
    return Windows.of(new Member[] {a, b}).overlap(0, 1);
  }
}
