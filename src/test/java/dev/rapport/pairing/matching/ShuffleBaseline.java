package dev.rapport.pairing.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What Donut-like tools do: shuffle the pool into groups of the usual sizes and reshuffle, up to
 * 50 times, while some group repeats a pair (or breaks do-not-pair); keep the attempt with the
 * fewest. Time zones and departments are ignored. The history length is mixed into the seed so a
 * fixed seed still gives a fresh shuffle every round.
 */
final class ShuffleBaseline implements GroupMatcher {

  static final int ATTEMPTS = 50;

  @Override
  public List<Group> match(MatchRequest request) {
    List<String> ids = new ArrayList<>(Pools.ids(request.pool()));
    if (ids.size() < 2) {
      return List.of();
    }
    Collections.sort(ids);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    Set<Long> met = new HashSet<>();
    for (PastGroup past : request.history()) {
      addPairs(past.members(), index, met);
    }
    Set<Long> avoid = new HashSet<>();
    request.doNotPair().forEach((id, others) -> others.forEach(
        other -> addPairs(List.of(id, other), index, avoid)));
    int[] sizes = Rules.expectedSizes(ids.size(), request.groupSize());
    Random random = new Random(request.seed() * 31 + request.history().size());
    List<List<String>> best = null;
    int bestBad = Integer.MAX_VALUE;
    for (int attempt = 0; attempt < ATTEMPTS && bestBad > 0; attempt++) {
      Collections.shuffle(ids, random);
      List<List<String>> groups = new ArrayList<>();
      int bad = 0;
      for (int g = 0, from = 0; g < sizes.length; from += sizes[g++]) {
        List<String> group = ids.subList(from, from + sizes[g]);
        groups.add(List.copyOf(group));
        bad += badPairs(group, index, met, avoid);
      }
      if (bad < bestBad) {
        best = groups;
        bestBad = bad;
      }
    }
    return best.stream().map(Group::new).toList();
  }

  private static int badPairs(List<String> group, Map<String, Integer> index, Set<Long> met,
      Set<Long> avoid) {
    int bad = 0;
    for (int i = 0; i < group.size(); i++) {
      for (int j = i + 1; j < group.size(); j++) {
        long key = key(index.get(group.get(i)), index.get(group.get(j)));
        bad += met.contains(key) || avoid.contains(key) ? 1 : 0;
      }
    }
    return bad;
  }

  private static void addPairs(List<String> members, Map<String, Integer> index, Set<Long> out) {
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        Integer a = index.get(members.get(i));
        Integer b = index.get(members.get(j));
        if (a != null && b != null && !a.equals(b)) {
          out.add(key(a, b));
        }
      }
    }
  }

  private static long key(int a, int b) {
    return a < b ? (long) a << 32 | b : (long) b << 32 | a;
  }
}
