package dev.rapport.bench;

import dev.rapport.testkit.TestRedis;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * What an idle Rapport asks of Redis: the packaged app's settings (defaults), its own JVM, an external
 * redis-server; a program, a prompt schedule and a pulse exist (so the scheduler has due times to wait for),
 * nothing is due or queued. Redis's own per-command counters ({@code INFO commandstats}) are read before and
 * after {@value #SECONDS} idle seconds; nothing else talks to that Redis in between (no health probes:
 * Kubernetes' would add one PING per probe).
 * Run: {@code ./mvnw -B test -Pbench -Dtest=IdleRedisBenchmark}
 */
@Tag("benchmark")
class IdleRedisBenchmark {

  static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  static final String SECRET = "idle-benchmark-secret";

  @Test
  void commandsPerSecondOfAnIdleInstance() throws Exception {
    TestRedis redis = TestRedis.startNew();
    try (RemoteFakeSlack slack = RemoteFakeSlack.start(BenchRequests.TEAM, "UL001",
        java.util.List.of(BenchRequests.CHANNEL + ":UL:50"));
         ChildApp rapport = ChildApp.rapport(slack, redis, SECRET)) {
      LoadGenerator admin = new LoadGenerator(rapport.url(), SECRET);
      for (String[] command : new String[][] {{"/coffee", "start every week on mon at 10:00 tz UTC"},
          {"/empathy", "start every week on tue at 10:00 tz UTC"},
          {"/pulse", "start every week on wed at 10:00 tz UTC"}}) {
        admin.once(new BenchRequests.Kind(command[0], "application/x-www-form-urlencoded",
            i -> BenchRequests.commandBody(BenchRequests.CHANNEL, "UL001", command[0], command[1],
                slack.responseUrl("idle-" + i), "idle" + i)));
      }
      Thread.sleep(5_000); // answers after the ack are sent, the app settles
      Map<String, Long> before;
      Map<String, Long> after;
      try (Jedis direct = new Jedis("127.0.0.1", redis.port())) {
        before = RedisCalls.parse(direct.info("commandstats"));
        Thread.sleep(SECONDS * 1000L);
        after = RedisCalls.parse(direct.info("commandstats"));
      }
      Map<String, Long> idle = new TreeMap<>();
      after.forEach((command, n) -> {
        long delta = n - before.getOrDefault(command, 0L);
        if (delta > 0) {
          idle.put(command, delta);
        }
      });
      idle.remove("info"); // this benchmark's own second INFO
      long total = idle.values().stream().mapToLong(Long::longValue).sum();
      System.out.println();
      System.out.printf("Idle Redis: commands Rapport sent in %d idle seconds (INFO commandstats), one instance,"
          + " default settings%n", SECONDS);
      System.out.println("command: ./mvnw -B test -Pbench -Dtest=IdleRedisBenchmark");
      System.out.printf("%-20s %8s %10s%n", "command", "calls", "per second");
      idle.forEach((command, n) -> System.out.printf("%-20s %8d %10.2f%n", command, n, n / (double) SECONDS));
      System.out.printf("%-20s %8d %10.2f%n", "all", total, total / (double) SECONDS);
    } finally {
      redis.stop();
    }
  }
}
