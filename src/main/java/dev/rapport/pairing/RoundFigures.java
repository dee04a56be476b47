package dev.rapport.pairing;

import dev.rapport.pairing.matching.PastGroup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What was true of a round's groups when it was formed, for {@code /coffee stats}. */
final class RoundFigures {

  private RoundFigures() {}

  /** Groups in which nobody had met before, in {@code history}. */
  static int firstMeetings(List<List<String>> groups, List<PastGroup> history) {
    Map<String, Set<String>> met = new HashMap<>();
    for (PastGroup past : history) {
      for (String a : past.members()) {
        for (String b : past.members()) {
          if (!a.equals(b)) {
            met.computeIfAbsent(a, k -> new HashSet<>()).add(b);
          }
        }
      }
    }
    int first = 0;
    for (List<String> group : groups) {
      boolean anyMet = false;
      for (String a : group) {
        for (String b : group) {
          anyMet |= !a.equals(b) && met.getOrDefault(a, Set.of()).contains(b);
        }
      }
      first += anyMet ? 0 : 1;
    }
    return first;
  }

  /** Groups spanning departments ({@code spanning}) or with two or more known departments. */
  static int crossTeam(List<List<String>> groups, Map<String, String> departments, boolean spanning) {
    int count = 0;
    for (List<String> group : groups) {
      List<String> known = group.stream().map(departments::get).filter(d -> d != null).toList();
      if (known.size() >= 2 && (!spanning || new HashSet<>(known).size() > 1)) {
        count++;
      }
    }
    return count;
  }
}
