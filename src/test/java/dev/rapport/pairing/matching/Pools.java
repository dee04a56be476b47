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

  static List<String> ids(List<Member> pool) {
    return pool.stream().map(Member::id).toList();
  }
}
