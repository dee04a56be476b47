package dev.rapport.bench;

import dev.rapport.testkit.TestRedis;
import floorapp.FloorApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Capacity, closed loop: how many requests a second of each type Rapport answers when wrk keeps
 * {@value ClosedLoop#CONNECTIONS} connections busy, against the floor (a Bolt app on Spring Boot whose
 * handlers do one Redis write and ack, {@link FloorApp}; its {@code /pulse} opens a modal too) under the same
 * load, and against the same floor with a replay check ({@code floor.replay-check}). For {@code /pulse} what
 * counts, for all three, is modals opened. The three apps, the fake Slack and Redis run at once, each in its
 * own process; the apps take turns per request type, and the
 * whole round is repeated {@value #ROUNDS} times, so a ratio compares two steps seconds apart on the same
 * machine. Needs wrk ({@code apt-get install -y wrk}).
 * Run: {@code ./mvnw -B test -Pbench -Dtest=CapacityBenchmark}
 * (e.g. {@code -Dbench.jvm.RapportApplication="-XX:StartFlightRecording=filename=/tmp/rapport.jfr"} to profile
 * Rapport, {@code -Dbench.kinds=/coffee} for one request type)
 */
@Tag("benchmark")
class CapacityBenchmark {

  static final String SECRET = "capacity-benchmark-secret";
  static final String ADMIN = "UL001";
  /** The floor that also refuses a signed request it let in before (one Redis round trip, as #13 asks). */
  static final String CHECKED = "floor+replay";
  static final int SECONDS = Integer.getInteger("bench.seconds", 8);
  static final int WARM_UP_SECONDS = 6;
  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  /** Only these kinds (comma-separated names' prefixes), e.g. -Dbench.kinds=/coffee for profiling. */
  static final String ONLY = System.getProperty("bench.kinds", "");

  private final Map<String, List<ClosedLoop.Result>> results = new LinkedHashMap<>();
  private final Map<String, Double> rates = new LinkedHashMap<>();

  @Test
  void eachRequestTypeAgainstTheFloor() throws Exception {
    TestRedis redis = TestRedis.startNew();
    try (RemoteFakeSlack slack = RemoteFakeSlack.start(BenchRequests.TEAM, ADMIN,
        List.of(BenchRequests.CHANNEL + ":UL:50"));
         ChildApp floor = ChildApp.floor(slack, redis, BenchRequests.TEAM, SECRET);
         ChildApp checked = ChildApp.floor(slack, redis, BenchRequests.TEAM, SECRET, "--floor.replay-check=true");
         ChildApp rapport = ChildApp.rapport(slack, redis, SECRET)) {
      LoadGenerator admin = new LoadGenerator(rapport.url(), SECRET);
      // Each after the last one's work is done: "/pulse now" right after "/pulse start" finds no pulse yet.
      admin.once(adminCommand(slack, "/coffee", "start every week on mon at 10:00 tz UTC"));
      waitUntilIdle(rapport);
      admin.once(adminCommand(slack, "/pulse", "start every week on mon at 10:00 tz UTC"));
      waitUntilIdle(rapport);
      admin.once(adminCommand(slack, "/pulse", "now"));
      waitUntilIdle(rapport);

      List<BenchRequests.Kind> kinds = BenchRequests.all(i -> slack.responseUrl("cap-" + i)).stream()
          .filter(k -> ONLY.isEmpty() || Arrays.stream(ONLY.split(",")).anyMatch(k.name()::startsWith)).toList();
      Map<String, ChildApp> apps = new LinkedHashMap<>();
      apps.put("floor", floor);
      apps.put(CHECKED, checked);
      apps.put("rapport", rapport);
      Map<String, ClosedLoop> loops = new LinkedHashMap<>();
      for (var app : apps.entrySet()) {
        loops.put(app.getKey(), new ClosedLoop(app.getValue().url(), SECRET));
      }
      String load = Files.readString(Path.of("/proc/loadavg")).trim();
      for (int round = 0; round <= ROUNDS; round++) {
        for (BenchRequests.Kind kind : kinds) {
          for (var app : apps.entrySet()) {
            String key = app.getKey() + "/" + kind.name();
            int seconds = round == 0 ? WARM_UP_SECONDS : SECONDS;
            // Enough signed requests for the fastest rate seen so far, with room: each may be sent only once.
            double fastest = rates.values().stream().mapToDouble(Double::doubleValue).max().orElse(15_000);
            int planned = (int) (Math.max(fastest * 2, 25_000) * seconds);
            long started = System.currentTimeMillis();
            Map<String, Long> before = RedisCalls.now(redis.port());
            Map<String, Long> usecBefore = RedisCalls.usecNow(redis.port());
            double redisCpu = RedisCalls.cpuSeconds(redis.port());
            double appCpu = app.getValue().cpuSeconds();
            long modals = slack.calls("views.open");
            double refused = rapport.metric("rapport_work_total", "outcome=\"refused\"");
            ClosedLoop.Result result = loops.get(app.getKey()).run(kind, seconds, planned, key);
            Map<String, Long> calls = RedisCalls.since(before, redis.port());
            appCpu = app.getValue().cpuSeconds() - appCpu;
            redisCpu = RedisCalls.cpuSeconds(redis.port()) - redisCpu;
            Map<String, Long> usec = RedisCalls.delta(usecBefore, RedisCalls.usecNow(redis.port()));
            rates.put(key, result.throughput());
            if (app.getKey().equals("rapport")) {
              waitUntilIdle(rapport);
            } else {
              Thread.sleep(1_000);
            }
            modals = slack.calls("views.open") - modals;
            refused = rapport.metric("rapport_work_total", "outcome=\"refused\"") - refused;
            System.out.printf("step %d %s (%tT-%tT): %.0f/s p99 %.1f ms, %d failed; CPU per answer: app %.0f µs,"
                + " Redis %.0f µs; Redis commands per answer: %s; µs of them per answer: %s; modals opened: %d;"
                + " refused as busy: %.0f%n", round, key, started, System.currentTimeMillis(), result.throughput(),
                result.p99(), result.failed(), perAnswer(appCpu, result), perAnswer(redisCpu, result),
                RedisCalls.perAnswer(calls, result.requests()), RedisCalls.perAnswer(usec, result.requests()), modals,
                refused);
            if (kind.name().startsWith("/pulse")) { // both open a modal per /pulse (the floor before its ack)
              if (modals + refused < result.requests() * 0.99) {
                throw new IllegalStateException(key + " opened " + modals + " modals and refused " + refused
                    + " for " + result.requests() + " answers: some went unanswered");
              }
              // What counts is a modal opened (each one an answer that succeeded); "busy, try again" is no modal.
              result = new ClosedLoop.Result(modals, result.seconds(), result.p50(), result.p99(), result.max(), 0);
            }
            if (round > 0) {
              results.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
            }
          }
        }
      }
      print(kinds, load, Files.readString(Path.of("/proc/loadavg")).trim());
    } finally {
      redis.stop();
    }
  }

  /** Work acked but not done yet (modals to open, answers to send) finishes before the next step. */
  private static void waitUntilIdle(ChildApp app) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (app.metric("rapport_work_queued") > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    Thread.sleep(1_000);
  }

  private static BenchRequests.Kind adminCommand(RemoteFakeSlack slack, String command, String text) {
    return new BenchRequests.Kind(command, "application/x-www-form-urlencoded", i -> BenchRequests.commandBody(
        BenchRequests.CHANNEL, ADMIN, command, text, slack.responseUrl("admin-" + i), "admin" + i));
  }

  private void print(List<BenchRequests.Kind> kinds, String loadBefore, String loadAfter) {
    System.out.println();
    System.out.printf("Capacity, closed loop: wrk, %d threads, %d connections, %d s per step, floor and Rapport in"
        + " turn per request type, %d rounds (after a %d s warm-up step each); load average before: %s, after: %s%n",
        ClosedLoop.THREADS, ClosedLoop.CONNECTIONS, SECONDS, ROUNDS, WARM_UP_SECONDS, loadBefore, loadAfter);
    System.out.printf("%-15s %-12s %10s %8s %8s %8s %7s%n", "request", "app", "answers/s", "p50 ms", "p99 ms",
        "max ms", "failed");
    for (BenchRequests.Kind kind : kinds) {
      for (String app : List.of("floor", CHECKED, "rapport")) {
        for (ClosedLoop.Result r : results.get(app + "/" + kind.name())) {
          System.out.printf("%-15s %-12s %10.0f %8.1f %8.1f %8.1f %7d%n", kind.name(), app, r.throughput(), r.p50(),
              r.p99(), r.max(), r.failed());
        }
      }
    }
    System.out.println();
    System.out.println("| Request | Floor, answers/s (rounds) | Floor with a replay check | Rapport, answers/s (rounds)"
        + " | Rapport / floor (rounds) | Median | Rapport / floor with a replay check (rounds) | Median"
        + " | Rapport p99 ms (rounds) |");
    System.out.println("| --- | --- | --- | --- | --- | ---: | --- | ---: | --- |");
    for (BenchRequests.Kind kind : kinds) {
      List<ClosedLoop.Result> f = results.get("floor/" + kind.name());
      List<ClosedLoop.Result> c = results.get(CHECKED + "/" + kind.name());
      List<ClosedLoop.Result> r = results.get("rapport/" + kind.name());
      double[] ratios = ratios(r, f);
      double[] checkedRatios = ratios(r, c);
      System.out.printf("| %s | %s | %s | %s | %s | **%.2f** | %s | **%.2f** | %s |%n", kind.name(),
          join(f, ClosedLoop.Result::throughput, "%.0f"), join(c, ClosedLoop.Result::throughput, "%.0f"),
          join(r, ClosedLoop.Result::throughput, "%.0f"), joinValues(ratios), median(ratios),
          joinValues(checkedRatios), median(checkedRatios), join(r, ClosedLoop.Result::p99, "%.1f"));
    }
  }

  /** Microseconds of {@code cpuSeconds} per answer of the step. */
  private static double perAnswer(double cpuSeconds, ClosedLoop.Result result) {
    return result.requests() == 0 ? 0 : cpuSeconds * 1e6 / result.requests();
  }

  private static double[] ratios(List<ClosedLoop.Result> app, List<ClosedLoop.Result> floor) {
    double[] ratios = new double[floor.size()];
    for (int i = 0; i < floor.size(); i++) {
      ratios[i] = app.get(i).throughput() / floor.get(i).throughput();
    }
    return ratios;
  }

  private static String join(List<ClosedLoop.Result> results, java.util.function.ToDoubleFunction<ClosedLoop.Result> f,
                             String format) {
    return String.join(" / ", results.stream().map(r -> String.format(format, f.applyAsDouble(r))).toList());
  }

  private static String joinValues(double[] values) {
    return String.join(" / ", Arrays.stream(values).mapToObj(v -> String.format("%.2f", v)).toList());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
