package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The shapes of program rounds ({@link Structure}): two sides, a host, offices. Each property plays rounds with
 * the engine's own groups fed back as history, as the app does.
 */
class StructureProperties {

  @Property(tries = 150)
  void crossGroupsNeverPairInsideASideNorBreakDoNotPair(
      @ForAll @IntRange(min = 1, max = 12) int sizeA, @ForAll @IntRange(min = 1, max = 20) int sizeB,
      @ForAll @IntRange(min = 0, max = 6) int avoidPairs, @ForAll @IntRange(min = 1, max = 6) int rounds,
      @ForAll long seed) {
    Set<String> a = new HashSet<>(CrossSimulation.ids("a", sizeA));
    Set<String> b = new HashSet<>(CrossSimulation.ids("b", sizeB));
    Map<String, Set<String>> avoid = crossAvoid(a, b, avoidPairs, seed);
    List<Member> pool = pool(a, b);
    CrossSimulation simulation = new CrossSimulation(new OptimalMatcher());

    for (int round = 0; round < rounds; round++) {
      List<Group> groups;
      try {
        groups = simulation.round(pool, a, b, avoid, seed);
      } catch (UnmatchablePoolException e) {
        assertThat(e.unplaceable()).allSatisfy(id -> assertThat(avoid).containsKey(id));
        return; // do-not-pair leaves someone on the smaller side nobody to meet: refused by name
      }
      assertThat(groups).hasSize(Math.min(sizeA, sizeB));
      Set<String> placed = new HashSet<>();
      for (Group group : groups) {
        assertThat(group.members()).hasSize(2);
        String x = group.members().get(0);
        String y = group.members().get(1);
        assertThat(a.contains(x)).as("%s: one from each side", group).isNotEqualTo(a.contains(y));
        assertThat(avoid.getOrDefault(x, Set.of())).as("%s: do-not-pair", group).doesNotContain(y);
        assertThat(placed.add(x) && placed.add(y)).as("placed once").isTrue();
      }
    }
  }

  @Property(tries = 100)
  void theLargerSideTakesTurnsFairlyRoundAfterRound(
      @ForAll @IntRange(min = 1, max = 10) int small, @ForAll @IntRange(min = 1, max = 25) int extra,
      @ForAll @IntRange(min = 1, max = 40) int rounds, @ForAll long seed) {
    int large = small + extra;
    Set<String> a = new HashSet<>(CrossSimulation.ids("a", small));
    Set<String> b = new HashSet<>(CrossSimulation.ids("b", large));
    List<Member> pool = pool(a, b);
    CrossSimulation simulation = new CrossSimulation(new OptimalMatcher());

    for (int round = 0; round < rounds; round++) {
      simulation.round(pool, a, b, Map.of(), seed);
      int fewest = b.stream().mapToInt(simulation::placements).min().orElseThrow();
      int most = b.stream().mapToInt(simulation::placements).max().orElseThrow();
      assertThat(most - fewest).as("after round %d, larger side placed between %d and %d times", round, fewest,
          most).isLessThanOrEqualTo(1);
    }
    // The tracked turn says who is due: whoever sat out more rounds in a row than someone placed goes first.
    assertThat(simulation.turns()).hasSize(small + large);
  }

  @Property(tries = 100)
  void nobodyMeetsAnyoneAgainBeforeMeetingEveryoneOnTheOtherSide(
      @ForAll @IntRange(min = 1, max = 9) int small, @ForAll @IntRange(min = 0, max = 12) int extra,
      @ForAll long seed) {
    int large = small + extra;
    Set<String> a = new HashSet<>(CrossSimulation.ids("a", small));
    Set<String> b = new HashSet<>(CrossSimulation.ids("b", large));
    List<Member> pool = pool(a, b);
    CrossSimulation simulation = new CrossSimulation(new OptimalMatcher());
    Map<String, Set<String>> met = new HashMap<>();

    for (int round = 0; round < 2 * large; round++) {
      for (Group group : simulation.round(pool, a, b, Map.of(), seed)) {
        String x = group.members().get(0);
        String y = group.members().get(1);
        if (met.getOrDefault(x, Set.of()).contains(y)) {
          assertThat(met.get(x)).as("%s meets %s again in round %d", x, y, round)
              .hasSize(a.contains(x) ? large : small);
          assertThat(met.get(y)).as("%s meets %s again in round %d", y, x, round)
              .hasSize(a.contains(y) ? large : small);
        }
        met.computeIfAbsent(x, k -> new HashSet<>()).add(y);
        met.computeIfAbsent(y, k -> new HashSet<>()).add(x);
      }
    }
  }

  @Property(tries = 150)
  void aHostMeetsOneToThreePeopleTheyHaveNotMetYetAndNobodyElseIsGrouped(
      @ForAll @IntRange(min = 2, max = 30) int n, @ForAll @IntRange(min = 1, max = 3) int guests,
      @ForAll @IntRange(min = 1, max = 15) int rounds, @ForAll long seed) {
    List<Member> pool = Pools.uniform(n);
    String host = pool.get((int) Math.floorMod(seed, (long) n)).id();
    Simulation simulation = new Simulation(new OptimalMatcher());
    Set<String> metByHost = new HashSet<>();

    for (int round = 0; round < rounds; round++) {
      List<Group> groups = simulation.round(pool, 2, Map.of(), seed, new Structure.Hosted(host, guests));
      assertThat(groups).hasSize(1);
      List<String> members = groups.get(0).members();
      assertThat(members).contains(host).doesNotHaveDuplicates().hasSize(1 + Math.min(guests, n - 1));
      int unmetBefore = n - 1 - metByHost.size();
      long fresh = members.stream().filter(m -> !m.equals(host) && !metByHost.contains(m)).count();
      assertThat(fresh).as("round %d: guests new to the host", round)
          .isEqualTo(Math.min(members.size() - 1, unmetBefore));
      members.stream().filter(m -> !m.equals(host)).forEach(metByHost::add);
      if (metByHost.size() == n - 1) {
        metByHost.clear(); // everyone met: a new cycle starts
      }
    }
  }

  @Property(tries = 200)
  void officeGroupsShareAnOfficeAndWhoHasNoLocalMatchMeetsByVideo(
      @ForAll @IntRange(min = 2, max = 40) int n, @ForAll @IntRange(min = 2, max = 3) int size,
      @ForAll @IntRange(min = 1, max = 6) int offices, @ForAll @IntRange(min = 0, max = 5) int pastRounds,
      @ForAll boolean hybrid, @ForAll long seed) {
    List<Member> pool = Pools.uniform(n);
    Random random = new Random(seed);
    Map<String, String> officeOf = new HashMap<>();
    Map<String, Integer> headcount = new HashMap<>();
    for (Member m : pool) {
      int office = random.nextInt(offices + 1); // 0: office unknown
      if (office > 0) {
        officeOf.put(m.id(), "office" + office);
        headcount.merge("office" + office, 1, Integer::sum);
      }
    }
    Structure shape = new Structure.Offices(officeOf, hybrid ? Structure.Mode.HYBRID : Structure.Mode.IN_PERSON);
    Simulation simulation = new Simulation(new OptimalMatcher());
    for (int round = 0; round < pastRounds; round++) {
      simulation.round(pool, size, Map.of(), seed, shape);
    }

    List<Group> groups = simulation.round(pool, size, Map.of(), seed, shape);

    assertThat(groups.stream().flatMap(g -> g.members().stream())).containsExactlyInAnyOrderElementsOf(
        Pools.ids(pool));
    assertThat(groups).allSatisfy(g -> assertThat(g.members()).hasSizeGreaterThan(1));
    for (Group group : groups) {
      if (group.office() != null) {
        assertThat(group.members()).as("%s meets in person", group)
            .allSatisfy(m -> assertThat(officeOf.get(m)).isEqualTo(group.office()));
      }
    }
    // Who has colleagues present meets them in person, except one lent to a lone video member by an office that
    // can spare someone (three or more present), or, if none can, the one office group a lone member joins.
    boolean canSpare = headcount.values().stream().anyMatch(c -> c >= 3);
    Set<Group> displaced = new HashSet<>();
    int displacedMembers = 0;
    for (Member m : pool) {
      String office = officeOf.get(m.id());
      Group own = groups.stream().filter(g -> g.members().contains(m.id())).findFirst().orElseThrow();
      if (office == null || headcount.get(office) == 1) {
        assertThat(own.office()).as("%s has no local match", m.id()).isNull();
      } else if (!hybrid && own.office() == null) {
        displaced.add(own);
        displacedMembers++;
      }
    }
    if (canSpare) {
      assertThat(displacedMembers).as("office members meeting by video").isLessThanOrEqualTo(1);
    } else {
      assertThat(displaced).as("office groups joined by a lone member").hasSizeLessThanOrEqualTo(1);
    }
  }

  @Property(tries = 100)
  void virtualOfficeRoundsAreOpenRoundsByVideo(
      @ForAll @IntRange(min = 2, max = 30) int n, @ForAll long seed) {
    List<Member> pool = Pools.uniform(n);
    Map<String, String> officeOf = new HashMap<>();
    pool.forEach(m -> officeOf.put(m.id(), "office" + Math.floorMod(m.id().hashCode() + seed, 3)));
    MatchRequest open = new MatchRequest(pool, List.of(), 2, Map.of(), seed);

    List<Group> groups = new OptimalMatcher().match(open.with(new Structure.Offices(officeOf,
        Structure.Mode.VIRTUAL)));

    assertThat(groups).isEqualTo(new OptimalMatcher().match(open));
    assertThat(groups).allSatisfy(g -> assertThat(g.office()).isNull());
  }

  @Property(tries = 100)
  void exclusionsAddedToARequestHoldInEveryShapeAlongsideItsOwn(
      @ForAll @IntRange(min = 4, max = 24) int n, @ForAll @IntRange(min = 1, max = 8) int exclusions,
      @ForAll @IntRange(min = 0, max = 3) int shape, @ForAll long seed) {
    List<Member> pool = Pools.uniform(n);
    Random random = new Random(seed);
    Map<String, Set<String>> own = Map.of("m00", Set.of("m01"));
    Map<String, Set<String>> more = new HashMap<>();
    for (int i = 0; i < exclusions; i++) {
      String x = pool.get(random.nextInt(n)).id();
      String y = pool.get(random.nextInt(n)).id();
      if (!x.equals(y)) {
        more.computeIfAbsent(x, k -> new HashSet<>()).add(y);
      }
    }
    Set<String> half = new HashSet<>(Pools.ids(pool).subList(0, n / 2));
    Set<String> rest = new HashSet<>(Pools.ids(pool).subList(n / 2, n));
    Map<String, String> offices = new HashMap<>();
    pool.forEach(m -> offices.put(m.id(), half.contains(m.id()) ? "north" : "south"));
    Structure structure = switch (shape) {
      case 0 -> Structure.OPEN;
      case 1 -> new Structure.Sides(half, rest, Map.of());
      case 2 -> new Structure.Hosted("m03", 3);
      default -> new Structure.Offices(offices, Structure.Mode.IN_PERSON);
    };
    MatchRequest request = new MatchRequest(pool, List.of(), 2, own, seed, structure).excluding(more);
    List<Group> groups;
    try {
      groups = new OptimalMatcher().match(request);
    } catch (UnmatchablePoolException e) {
      return; // the exclusions leave someone nobody: refused by name, as with do-not-pair alone
    }
    for (Group group : groups) {
      Simulation.forEachPair(group, (x, y) -> {
        assertThat(more.getOrDefault(x, Set.of()).contains(y) || more.getOrDefault(y, Set.of()).contains(x))
            .as("%s and %s excluded but share %s", x, y, group).isFalse();
        assertThat(Set.of(x, y)).as("their own do-not-pair list still holds").isNotEqualTo(Set.of("m00", "m01"));
      });
    }
  }

  private static List<Member> pool(Set<String> a, Set<String> b) {
    List<Member> pool = new ArrayList<>();
    a.stream().sorted().forEach(id -> pool.add(Pools.member(id)));
    b.stream().sorted().forEach(id -> pool.add(Pools.member(id)));
    return pool;
  }

  private static Map<String, Set<String>> crossAvoid(Set<String> a, Set<String> b, int pairs, long seed) {
    Random random = new Random(seed);
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort(null);
    Map<String, Set<String>> avoid = new HashMap<>();
    for (int i = 0; i < pairs; i++) {
      String x = all.get(random.nextInt(all.size()));
      String y = all.get(random.nextInt(all.size()));
      if (!x.equals(y)) {
        avoid.computeIfAbsent(x, k -> new HashSet<>()).add(y);
        avoid.computeIfAbsent(y, k -> new HashSet<>()).add(x);
      }
    }
    return avoid;
  }
}
