package dev.rapport.pairing.matching;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A random but reproducible request: mixed time zones (some unknown or overnight hours), some
 * unknown departments, a history with people who have left and uneven group sizes, and a
 * one-directional do-not-pair list that also names people outside the pool.
 */
record Scenario(int n, int groupSize, int pastRounds, int avoidPairs, long seed) {

  private static final double[] OFFSET_HOURS = {-8, -5, 0, 1, 2, 5.5, 8, 10};

  List<Member> pool() {
    Random random = new Random(seed);
    List<Member> pool = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int offset = (int) (OFFSET_HOURS[random.nextInt(OFFSET_HOURS.length)] * 60);
      WorkingHours hours = switch (random.nextInt(10)) {
        case 0, 1, 2 -> null;
        case 3 -> new WorkingHours(LocalTime.of(22, 0), LocalTime.of(6, 0));
        default -> new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0));
      };
      String department = random.nextInt(3) == 0 ? null : "d" + random.nextInt(4);
      pool.add(new Member(String.format("p%02d", i), offset, hours, department));
    }
    return pool;
  }

  List<PastGroup> history() {
    Random random = new Random(seed * 31 + 1);
    List<String> everyone = new ArrayList<>(Pools.ids(pool()));
    everyone.addAll(List.of("gone0", "gone1", "gone2"));
    List<PastGroup> history = new ArrayList<>();
    for (int round = 0; round < pastRounds; round++) {
      List<String> present = new ArrayList<>(everyone);
      present.removeIf(id -> random.nextInt(4) == 0);
      Collections.shuffle(present, random);
      for (int i = 0; i + 1 < present.size(); ) {
        int size = Math.min(present.size() - i, 2 + random.nextInt(3));
        history.add(new PastGroup(present.subList(i, i + size),
            Simulation.START.plus(Duration.ofDays(7L * round))));
        i += size;
      }
    }
    return history;
  }

  Map<String, Set<String>> doNotPair() {
    Random random = new Random(seed * 17 + 3);
    Map<String, Set<String>> avoid = new LinkedHashMap<>();
    for (int k = 0; k < avoidPairs && n > 0; k++) {
      String a = String.format("p%02d", random.nextInt(n));
      String b = random.nextInt(8) == 0 ? "gone1" : String.format("p%02d", random.nextInt(n));
      avoid.computeIfAbsent(a, x -> new LinkedHashSet<>()).add(b);
    }
    return avoid;
  }

  MatchRequest request() {
    return new MatchRequest(pool(), history(), groupSize, doNotPair(), seed);
  }

  /** The same request with every list and map in a different order. */
  MatchRequest shuffledRequest() {
    Random random = new Random(seed ^ 0x9e3779b97f4a7c15L);
    List<Member> pool = new ArrayList<>(pool());
    Collections.shuffle(pool, random);
    List<PastGroup> history = new ArrayList<>(history());
    Collections.shuffle(history, random);
    List<String> keys = new ArrayList<>(doNotPair().keySet());
    Collections.shuffle(keys, random);
    Map<String, Set<String>> avoid = new LinkedHashMap<>();
    keys.forEach(key -> avoid.put(key, doNotPair().get(key)));
    return new MatchRequest(pool, history, groupSize, avoid, seed);
  }

  boolean avoids(String a, String b) {
    Map<String, Set<String>> avoid = doNotPair();
    return avoid.getOrDefault(a, Set.of()).contains(b) || avoid.getOrDefault(b, Set.of()).contains(a);
  }
}
