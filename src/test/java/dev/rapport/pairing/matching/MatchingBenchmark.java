package dev.rapport.pairing.matching;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * OptimalMatcher against ShuffleBaseline, printed as one table. Not part of the normal build:
 * {@code ./mvnw -B test -Pbench -Dtest=MatchingBenchmark}.
 */
@Tag("benchmark")
class MatchingBenchmark {

  static final String COMMAND = "./mvnw -B test -Pbench -Dtest=MatchingBenchmark";
  static final double[] OFFSET_HOURS = {-8, -5, 0, 1, 2, 5.5, 8, 10};
  static final int DEPARTMENTS = 8;
  static final long SEED = 20_251_125L;
  /** Coverage runs stop here and print "&gt;" (a shuffle can need 10x n rounds). */
  static final int COVERAGE_CAP_FACTOR = 12;
  static final Duration CONFIG_TIME_CAP = Duration.ofSeconds(100);
  static final int PRELOADED_ROUNDS = 50;

  record Row(String engine, int n, String scenario, int size, String coverage,
      double firstMeeting, double overlap, double crossDepartment, double medianMs,
      long peakHeapMb, int rounds) {}

  @Test
  void printComparisonTable() {
    long start = System.nanoTime();
    String startLoad = loadAverage();
    List<Row> rows = new ArrayList<>();
    int maxN = Integer.getInteger("bench.maxN", Integer.MAX_VALUE); // for quick local runs
    for (int n : Arrays.stream(new int[] {10, 11, 50, 200, 1000, 10_000}).filter(n -> n <= maxN)
        .toArray()) {
      for (String scenario : n <= 200 ? List.of("static", "churn", "static-1tz")
          : List.of("static", "churn")) {
        for (int size : new int[] {2, 3}) {
          rows.add(run("OptimalMatcher", OptimalMatcher::new, n, scenario, size));
          rows.add(run("ShuffleBaseline", ShuffleBaseline::new, n, scenario, size));
        }
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("Rapport matching benchmark\n");
    out.append("command: ").append(COMMAND).append('\n');
    out.append(String.format("machine: %d cores, %s %s, max heap %d MB, load average %s"
        + " at start, %s at end (the machine may be shared)%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, startLoad,
        loadAverage()));
    out.append(String.format("%-15s %6s %-10s %4s %10s %9s %9s %9s %9s %8s %6s%n", "engine", "n",
        "scenario", "size", "cover(a)", "first(b)", ">=2h(c)", "xdept(d)", "ms(e)", "heap(f)",
        "rounds"));
    for (Row row : rows) {
      out.append(String.format("%-15s %6d %-10s %4d %10s %8.1f%% %8.1f%% %8.1f%% %9.1f %8d %6d%n",
          row.engine(), row.n(), row.scenario(), row.size(), row.coverage(),
          100 * row.firstMeeting(), 100 * row.overlap(), 100 * row.crossDepartment(),
          row.medianMs(), row.peakHeapMb(), row.rounds()));
    }
    out.append(footnotes());
    out.append(String.format("total benchmark time: %.0f s%n", (System.nanoTime() - start) / 1e9));
    System.out.print(out);
  }

  private static Row run(String engine, Supplier<GroupMatcher> factory, int n, String scenario,
      int size) {
    Random random = new Random(SEED + 31L * n + size + scenario.hashCode());
    Population population = new Population(n, scenario.equals("static-1tz"), random);
    GroupMatcher matcher = factory.get();
    List<PastGroup> history = new ArrayList<>();
    Set<Long> met = new HashSet<>();
    Simulated clock = new Simulated();
    boolean coverageRun = n <= 200 && scenario.startsWith("static");
    if (n > 200) {
      preload(population, history, met, clock, random);
    }
    int measured = n <= 200 ? n - 1 : n == 1_000 ? 10 : 3;
    int maxRounds = coverageRun ? COVERAGE_CAP_FACTOR * (n - 1) : measured;
    long pairsToMeet = (long) n * (n - 1) / 2;
    long pairsMet = 0;
    Metrics metrics = new Metrics();
    HeapSampler heap = new HeapSampler();
    String coverage = "-";
    long deadline = System.nanoTime() + CONFIG_TIME_CAP.toNanos();
    int round = 0;
    for (; round < maxRounds; round++) {
      List<Member> pool = population.members();
      MatchRequest request = new MatchRequest(pool, history, size, Map.of(), SEED);
      boolean sampleHeap = round % 25 == 0 || n > 200;
      if (sampleHeap) {
        heap.start();
      }
      long t0 = System.nanoTime();
      List<Group> groups = matcher.match(request);
      metrics.time(System.nanoTime() - t0);
      if (sampleHeap) {
        heap.stop();
      }
      if (round < measured) {
        metrics.score(groups, population, met);
      }
      for (Group group : groups) {
        history.add(new PastGroup(group.members(), clock.now()));
        pairsMet += population.recordMeetings(group, met);
      }
      clock.advance();
      if (coverageRun && pairsMet == pairsToMeet) {
        coverage = String.format("%.2f", (round + 1) / (double) (n - 1));
        round++;
        break;
      }
      if (scenario.equals("churn")) {
        population.replace(Math.max(1, n / 10), random);
      }
      if (System.nanoTime() > deadline) {
        round++;
        break;
      }
    }
    if (coverageRun && coverage.equals("-")) {
      coverage = String.format(">%.2f", round / (double) (n - 1));
    }
    return new Row(engine, n, scenario, size, coverage, metrics.firstMeetingShare(),
        metrics.overlapShare(), metrics.crossShare(), metrics.medianMs(), heap.peakMb(), round);
  }

  /** Big pools start with 50 rounds of random pairs: the history the engine must index. */
  private static void preload(Population population, List<PastGroup> history, Set<Long> met,
      Simulated clock, Random random) {
    for (int r = 0; r < PRELOADED_ROUNDS; r++) {
      List<String> ids = new ArrayList<>(Pools.ids(population.members()));
      Collections.shuffle(ids, random);
      for (int i = 0; i + 1 < ids.size(); i += 2) {
        Group pair = new Group(List.of(ids.get(i), ids.get(i + 1)));
        history.add(new PastGroup(pair.members(), clock.now()));
        population.recordMeetings(pair, met);
      }
      clock.advance();
    }
  }

  /** Members with random offsets from a realistic set, 09:00-17:00 local, 8 departments. */
  static final class Population {
    private final List<Member> members = new ArrayList<>();
    private final Map<String, Integer> index = new java.util.HashMap<>();
    private final boolean oneZone;
    private int nextId;

    Population(int n, boolean oneZone, Random random) {
      this.oneZone = oneZone;
      for (int i = 0; i < n; i++) {
        members.add(newMember(random));
      }
    }

    private Member newMember(Random random) {
      String id = "u" + nextId;
      index.put(id, nextId++);
      int offset = oneZone ? 0 : (int) (OFFSET_HOURS[random.nextInt(OFFSET_HOURS.length)] * 60);
      return new Member(id, offset, new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)),
          "dept" + random.nextInt(DEPARTMENTS));
    }

    List<Member> members() {
      return List.copyOf(members);
    }

    void replace(int count, Random random) {
      for (int k = 0; k < count; k++) {
        members.remove(random.nextInt(members.size()));
      }
      for (int k = 0; k < count; k++) {
        members.add(newMember(random));
      }
    }

    /** Records the group's pairs; returns how many were new. */
    int recordMeetings(Group group, Set<Long> met) {
      int added = 0;
      List<String> m = group.members();
      for (int i = 0; i < m.size(); i++) {
        for (int j = i + 1; j < m.size(); j++) {
          added += met.add(key(m.get(i), m.get(j))) ? 1 : 0;
        }
      }
      return added;
    }

    long key(String a, String b) {
      int x = index.get(a);
      int y = index.get(b);
      return x < y ? (long) x << 32 | y : (long) y << 32 | x;
    }
  }

  /** Per-round quality and time over the measured rounds. */
  static final class Metrics {
    private long groups;
    private long firstMeetings;
    private long goodOverlap;
    private long crossDepartment;
    private final List<Long> nanos = new ArrayList<>();
    private final int[] minuteCount = new int[24 * 60];

    void time(long elapsed) {
      nanos.add(elapsed);
    }

    void score(List<Group> round, Population population, Set<Long> met) {
      Map<String, Member> byId = new java.util.HashMap<>();
      population.members.forEach(m -> byId.put(m.id(), m));
      for (Group group : round) {
        groups++;
        boolean first = true;
        Set<String> departments = new HashSet<>();
        Arrays.fill(minuteCount, 0);
        List<String> m = group.members();
        for (int i = 0; i < m.size(); i++) {
          Member member = byId.get(m.get(i));
          departments.add(member.department());
          for (int local = 9 * 60; local < 17 * 60; local++) {
            minuteCount[Math.floorMod(local - member.utcOffsetMinutes(), 24 * 60)]++;
          }
          for (int j = i + 1; j < m.size(); j++) {
            first &= !met.contains(population.key(m.get(i), m.get(j)));
          }
        }
        int common = 0;
        for (int c : minuteCount) {
          common += c == m.size() ? 1 : 0;
        }
        firstMeetings += first ? 1 : 0;
        goodOverlap += common >= 120 ? 1 : 0;
        crossDepartment += departments.size() > 1 ? 1 : 0;
      }
    }

    double firstMeetingShare() {
      return groups == 0 ? 0 : firstMeetings / (double) groups;
    }

    double overlapShare() {
      return groups == 0 ? 0 : goodOverlap / (double) groups;
    }

    double crossShare() {
      return groups == 0 ? 0 : crossDepartment / (double) groups;
    }

    double medianMs() {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
    }
  }

  /** Peak used heap while match() runs, polled every millisecond after a GC before the round. */
  static final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running;
    private volatile long peak;
    private Thread thread;

    void start() {
      System.gc();
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
      running = true;
      thread = new Thread(() -> {
        while (running) {
          peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    void stop() {
      running = false;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    long peakMb() {
      return peak >> 20;
    }
  }

  /** Weekly rounds. */
  static final class Simulated {
    private java.time.Instant now = Simulation.START;

    java.time.Instant now() {
      return now;
    }

    void advance() {
      now = now.plus(Duration.ofDays(7));
    }
  }

  /**
   * Cross-group programs: rounds until every cross pair has met, divided by the minimum possible (the larger
   * side's size: each member of the smaller side meets one new person a round). Static sides, the engine's
   * groups fed back as history with the rotation tracked as the app tracks it; a shuffle of random cross pairs
   * for comparison. Run alone: {@code ./mvnw -B test -Pbench -Dtest=MatchingBenchmark#printCrossGroupCoverage}.
   */
  @Test
  void printCrossGroupCoverage() {
    StringBuilder out = new StringBuilder("Rapport cross-group coverage\n");
    out.append("command: ").append(COMMAND).append("#printCrossGroupCoverage\n");
    out.append(String.format("%-15s %6s %6s %8s %10s %9s %9s%n", "engine", "small", "large", "minimum",
        "rounds", "cover(g)", "ms(e)"));
    int[][] sides = {{5, 5}, {5, 12}, {8, 13}, {10, 30}, {20, 50}, {50, 200}, {100, 1000}};
    for (int[] s : sides) {
      for (String engine : List.of("OptimalMatcher", "ShuffleBaseline")) {
        Set<String> a = new HashSet<>(CrossSimulation.ids("a", s[0]));
        Set<String> b = new HashSet<>(CrossSimulation.ids("b", s[1]));
        List<Member> pool = new ArrayList<>();
        a.stream().sorted().forEach(id -> pool.add(Pools.member(id)));
        b.stream().sorted().forEach(id -> pool.add(Pools.member(id)));
        CrossSimulation simulation = new CrossSimulation(engine.equals("OptimalMatcher") ? new OptimalMatcher()
            : new RandomCrossPairs(a));
        int cap = COVERAGE_CAP_FACTOR * s[1];
        List<Long> times = new ArrayList<>();
        int rounds = 0;
        while (rounds < cap && !simulation.allCrossPairsMet(a, b)) {
          long t0 = System.nanoTime();
          simulation.round(pool, a, b, SEED);
          times.add(System.nanoTime() - t0);
          rounds++;
        }
        boolean done = simulation.allCrossPairsMet(a, b);
        Collections.sort(times);
        out.append(String.format("%-15s %6d %6d %8d %10s %9s %9.1f%n", engine, s[0], s[1], s[1],
            (done ? "" : ">") + rounds, (done ? "" : ">") + String.format("%.2f", (double) rounds / s[1]),
            times.get(times.size() / 2) / 1e6));
      }
    }
    out.append(String.join("\n", "",
        "(g) rounds until every pair with one member on each side has met / the larger side's size (the",
        "    minimum for 1:1 cross pairs). 1.00 is optimal. '>' = not reached within 12x the minimum.",
        "(e) median wall time of one match() call in milliseconds.",
        "ShuffleBaseline here: the smaller side paired with a random draw of the larger side each round.",
        ""));
    System.out.print(out);
  }

  /** The baseline for cross groups: random cross pairs, no memory. */
  static final class RandomCrossPairs implements GroupMatcher {
    private final Set<String> sideA;
    private final Random random = new Random(SEED);

    RandomCrossPairs(Set<String> sideA) {
      this.sideA = sideA;
    }

    @Override
    public List<Group> match(MatchRequest request) {
      List<String> a = new ArrayList<>();
      List<String> b = new ArrayList<>();
      request.pool().forEach(m -> (sideA.contains(m.id()) ? a : b).add(m.id()));
      List<String> small = a.size() <= b.size() ? a : b;
      List<String> large = new ArrayList<>(small == a ? b : a);
      Collections.shuffle(large, random);
      List<Group> groups = new ArrayList<>();
      for (int i = 0; i < small.size(); i++) {
        groups.add(new Group(List.of(small.get(i), large.get(i))));
      }
      return groups;
    }
  }

  private static String loadAverage() {
    return String.format("%.2f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String footnotes() {
    return String.join("\n",
        "",
        "Members: UTC offsets drawn from -8, -5, 0, +1, +2, +5.5, +8, +10 h, all 09:00-17:00 local,",
        "  8 departments at random. static-1tz: everyone at UTC+0 (departments still random).",
        "  churn: 10% of members (at least 1) replaced by newcomers after every round.",
        "  n = 1000 and 10000 are for time only: 50 rounds of random pairs are preloaded as",
        "  history (10000 x 50 rounds = 250k past groups), then 10 (n=1000) or 3 (n=10000) rounds.",
        "(a) rounds until every pair of the (static) pool has met / (n-1). Pairs, even n: 1.00 is",
        "    the proven minimum; odd n: the engine's schedule gives (n-2)/(n-1). Size 3: at best",
        "    about 0.5 (two new people per round). '>x' = not reached within 12(n-1) rounds or",
        "    100 s. '-' = not defined:",
        "    with 10% churn per round hardly anyone stays n-1 rounds, and big pools never finish.",
        "(b) share of groups in which no pair had met before, over the first n-1 rounds (or the",
        "    measured rounds for n >= 1000).",
        "(c) share of groups whose members all share at least 2 hours of working time.",
        "(d) share of groups spanning at least two departments.",
        "(e) median wall time of one match() call in milliseconds, all rounds of the run.",
        "(f) peak used heap in MB: System.gc() before a sampled round (every 25th, every round for",
        "    n >= 1000), then MemoryMXBean heap used polled every 1 ms during match(); includes the",
        "    caller's live data (pool, history), as in production.",
        "rounds = rounds simulated for the row.",
        "Reading it: in a static pool a coverage-optimal engine meets every pair exactly once per",
        "  n-1 rounds, so over those rounds its (c) and (d) equal the population's share, like a",
        "  shuffle; it can only order good pairs first. The time-zone and department gains show",
        "  under churn and in big pools. For size 3 in mixed zones, groups with no common hours",
        "  rank above repeats (not above someone meeting nobody new), which lowers (b).",
        "");
  }
}
