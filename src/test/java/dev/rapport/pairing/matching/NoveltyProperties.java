package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Novelty first: nobody who still has people to meet is left without a new face if that can be
 * avoided; then no group without common working hours; then as few repeated pairs as possible.
 */
class NoveltyProperties {

  @Property(tries = 300)
  void pairsAreExactlyAsGoodAsTheBestPossibleSplit(
      @ForAll @IntRange(min = 2, max = 14) int n, @ForAll @IntRange(min = 0, max = 12) int pastRounds,
      @ForAll @IntRange(min = 0, max = 4) int avoidPairs, @ForAll long seed) {
    Scenario scenario = new Scenario(n, 2, pastRounds, avoidPairs, seed);
    Assume.that(Rules.arrangementExists(scenario));
    List<String> ids = Pools.ids(scenario.pool());
    boolean[][] met = metMatrix(ids, scenario);
    boolean[][] forbidden = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        forbidden[i][j] = scenario.avoids(ids.get(i), ids.get(j));
      }
    }
    Oracle.Hours hours = Pools.hours(scenario.pool());
    List<Group> groups = new OptimalMatcher().match(scenario.request());

    assertThat(Oracle.novelty(met, forbidden, hours, Oracle.indexed(groups, ids)))
        .isEqualTo(Oracle.bestNovelty(met, forbidden, hours));
  }

  @Property(tries = 200)
  void noExchangeOfTwoMembersWouldImproveNoveltyOrMeetability(
      @ForAll @IntRange(min = 4, max = 40) int n, @ForAll @IntRange(min = 2, max = 4) int size,
      @ForAll @IntRange(min = 0, max = 12) int pastRounds, @ForAll long seed) {
    Scenario scenario = new Scenario(n, size, pastRounds, 0, seed);
    List<String> ids = Pools.ids(scenario.pool());
    boolean[][] met = metMatrix(ids, scenario);
    List<List<Integer>> groups = new ArrayList<>();
    for (Group group : new OptimalMatcher().match(scenario.request())) {
      groups.add(new ArrayList<>(group.members().stream().map(ids::indexOf).toList()));
    }
    Oracle.Hours hours = Pools.hours(scenario.pool());
    long[] score = novelty(groups, met, hours);

    for (int g = 0; g < groups.size(); g++) {
      for (int h = g + 1; h < groups.size(); h++) {
        for (int i = 0; i < groups.get(g).size(); i++) {
          for (int j = 0; j < groups.get(h).size(); j++) {
            swap(groups, g, i, h, j);
            assertThat(compare(novelty(groups, met, hours), score))
                .as("exchanging %s and %s", ids.get(groups.get(h).get(j)),
                    ids.get(groups.get(g).get(i)))
                .isGreaterThanOrEqualTo(0);
            swap(groups, g, i, h, j);
          }
        }
      }
    }
  }

  /** Deprived members, groups without common hours, repeated pairs. */
  private static long[] novelty(List<List<Integer>> groups, boolean[][] met, Oracle.Hours hours) {
    long deprived = 0;
    long noCommonHours = 0;
    long repeats = 0;
    for (List<Integer> group : groups) {
      noCommonHours += hours.noCommonMinute(group.stream().mapToInt(i -> i).toArray()) ? 1 : 0;
      for (int a : group) {
        boolean fresh = false;
        for (int b : group) {
          fresh |= a != b && !met[a][b];
          repeats += a < b && met[a][b] ? 1 : 0;
        }
        boolean exhausted = true;
        for (int b = 0; b < met.length; b++) {
          exhausted &= a == b || met[a][b];
        }
        deprived += fresh || exhausted ? 0 : 1;
      }
    }
    return new long[] {deprived, noCommonHours, repeats};
  }

  private static int compare(long[] a, long[] b) {
    return java.util.Arrays.compare(a, b);
  }

  private static void swap(List<List<Integer>> groups, int g, int i, int h, int j) {
    int u = groups.get(g).get(i);
    groups.get(g).set(i, groups.get(h).get(j));
    groups.get(h).set(j, u);
  }

  /** Who met whom in the scenario's history, among pool members only. */
  static boolean[][] metMatrix(List<String> ids, Scenario scenario) {
    Map<String, Set<String>> met = new TreeMap<>();
    for (PastGroup past : scenario.history()) {
      for (String a : past.members()) {
        for (String b : past.members()) {
          if (!a.equals(b)) {
            met.computeIfAbsent(a, x -> new TreeSet<>()).add(b);
          }
        }
      }
    }
    boolean[][] matrix = new boolean[ids.size()][ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      for (int j = 0; j < ids.size(); j++) {
        matrix[i][j] = met.getOrDefault(ids.get(i), Set.of()).contains(ids.get(j));
      }
    }
    return matrix;
  }
}
