package dev.rapport.pairing.matching;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Test pools. */
final class Pools {

  private Pools() {}

  /** n members "m00".."m(n-1)" at UTC, unknown hours and department. */
  static List<Member> uniform(int n) {
    return uniform("m", n);
  }

  static List<Member> uniform(String prefix, int n) {
    List<Member> pool = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pool.add(member(String.format("%s%02d", prefix, i)));
    }
    return pool;
  }

  static Member member(String id) {
    return new Member(id, 0, null, null);
  }

  static Member member(String id, int offsetHours, String department) {
    return new Member(id, offsetHours * 60, nineToFive(), department);
  }

  static WorkingHours nineToFive() {
    return new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0));
  }

  /** Minutes of the UTC day each member works, computed minute by minute (test-side truth). */
  static boolean[][] workingMinutes(List<Member> pool) {
    boolean[][] minutes = new boolean[pool.size()][1440];
    for (int i = 0; i < pool.size(); i++) {
      Member m = pool.get(i);
      WorkingHours hours = m.hours() == null ? nineToFive() : m.hours();
      int start = hours.start().getHour() * 60 + hours.start().getMinute();
      int end = hours.end().getHour() * 60 + hours.end().getMinute();
      for (int local = start; local != end; local = (local + 1) % 1440) {
        minutes[i][Math.floorMod(local - m.utcOffsetMinutes(), 1440)] = true;
      }
    }
    return minutes;
  }

  static Oracle.Hours hours(List<Member> pool) {
    boolean[][] minutes = workingMinutes(pool);
    return group -> {
      for (int t = 0; t < 1440; t++) {
        boolean all = true;
        for (int member : group) {
          all &= minutes[member][t];
        }
        if (all) {
          return false;
        }
      }
      return true;
    };
  }

  static List<String> ids(List<Member> pool) {
    return pool.stream().map(Member::id).toList();
  }
}
