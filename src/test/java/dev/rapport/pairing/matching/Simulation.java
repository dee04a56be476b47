package dev.rapport.pairing.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plays rounds with a matcher, feeding its own groups back as history, one week apart. */
final class Simulation {

  static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

  private final GroupMatcher matcher;
  private final List<PastGroup> history = new ArrayList<>();
  private final Set<String> met = new HashSet<>();
  private Instant clock = START;
  private int lastRepeats;

  Simulation(GroupMatcher matcher) {
    this.matcher = matcher;
  }

  List<Group> round(List<Member> pool, int size, Map<String, Set<String>> doNotPair, long seed) {
    return round(pool, size, doNotPair, seed, Structure.OPEN);
  }

  List<Group> round(List<Member> pool, int size, Map<String, Set<String>> doNotPair, long seed,
      Structure structure) {
    List<Group> groups = matcher.match(new MatchRequest(pool, history, size, doNotPair, seed, structure));
    record(groups);
    return groups;
  }

  List<Group> round(List<Member> pool, int size, long seed) {
    return round(pool, size, Map.of(), seed);
  }

  void record(List<Group> groups) {
    lastRepeats = 0;
    for (Group group : groups) {
      forEachPair(group, (a, b) -> lastRepeats += met(a, b) ? 1 : 0);
    }
    for (Group group : groups) {
      history.add(new PastGroup(group.members(), clock));
      forEachPair(group, (a, b) -> met.add(key(a, b)));
    }
    clock = clock.plus(Duration.ofDays(7));
  }

  /** Repeated pairs in the last recorded round. */
  int lastRepeats() {
    return lastRepeats;
  }

  boolean met(String a, String b) {
    return met.contains(key(a, b));
  }

  List<PastGroup> history() {
    return history;
  }

  boolean allPairsMet(Collection<String> ids) {
    List<String> list = List.copyOf(ids);
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        if (!met(list.get(i), list.get(j))) {
          return false;
        }
      }
    }
    return true;
  }

  static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  interface PairVisitor {
    void visit(String a, String b);
  }

  static void forEachPair(Group group, PairVisitor visitor) {
    List<String> m = group.members();
    for (int i = 0; i < m.size(); i++) {
      for (int j = i + 1; j < m.size(); j++) {
        visitor.visit(m.get(i), m.get(j));
      }
    }
  }
}
