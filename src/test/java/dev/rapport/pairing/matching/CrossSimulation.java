package dev.rapport.pairing.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays cross-group rounds, feeding the groups back as history and keeping everyone's turn as the app does
 * ({@link Structure.Sides#afterRound}).
 */
final class CrossSimulation {

  private final Simulation simulation;
  private final Map<String, Integer> turns = new HashMap<>();
  private final Map<String, Integer> placements = new HashMap<>();
  private final Map<String, Integer> longestWait = new HashMap<>();

  CrossSimulation(GroupMatcher matcher) {
    this.simulation = new Simulation(matcher);
  }

  /** One round of the members of both sides present in {@code pool}. */
  List<Group> round(List<Member> pool, Set<String> sideA, Set<String> sideB, long seed) {
    return round(pool, sideA, sideB, Map.of(), seed);
  }

  /** The same, with do-not-pair lists. */
  List<Group> round(List<Member> pool, Set<String> sideA, Set<String> sideB, Map<String, Set<String>> avoid,
      long seed) {
    Set<String> a = new HashSet<>(sideA);
    Set<String> b = new HashSet<>(sideB);
    Set<String> present = new HashSet<>(Pools.ids(pool));
    a.retainAll(present);
    b.retainAll(present);
    List<Group> groups = simulation.round(pool, 2, avoid, seed, new Structure.Sides(a, b, turns));
    Set<String> placed = new HashSet<>();
    groups.forEach(g -> placed.addAll(g.members()));
    for (String id : present) {
      boolean in = placed.contains(id);
      turns.put(id, Structure.Sides.afterRound(turns.getOrDefault(id, 0), in));
      if (in) {
        placements.merge(id, 1, Integer::sum);
      } else {
        longestWait.merge(id, turns.get(id), Math::max);
      }
    }
    return groups;
  }

  Simulation simulation() {
    return simulation;
  }

  int placements(String id) {
    return placements.getOrDefault(id, 0);
  }

  /** The most rounds {@code id} sat out in a row. */
  int longestWait(String id) {
    return longestWait.getOrDefault(id, 0);
  }

  Map<String, Integer> turns() {
    return turns;
  }

  boolean allCrossPairsMet(Set<String> sideA, Set<String> sideB) {
    for (String a : sideA) {
      for (String b : sideB) {
        if (!simulation.met(a, b)) {
          return false;
        }
      }
    }
    return true;
  }

  static List<String> ids(String prefix, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(String.format("%s%02d", prefix, i));
    }
    return ids;
  }
}
