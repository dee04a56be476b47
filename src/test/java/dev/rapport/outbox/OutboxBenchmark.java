package dev.rapport.outbox;

import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.AppTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Delivers 1,000 messages through the fake Slack with rate limits on, first cleanly, then with Slack
 * answering 429 or 500 to 10% of calls, and prints the achieved rate against the configured limit,
 * retries and losses. Run: {@code ./mvnw -B test -Pbench -Dtest=OutboxBenchmark}
 */
@Tag("benchmark")
@DirtiesContext
class OutboxBenchmark extends AppTest {

  static final int LIMIT_PER_MINUTE = 1200;

  @DynamicPropertySource
  static void limits(DynamicPropertyRegistry registry) {
    registry.add("rapport.outbox.per-minute.chat.postMessage", () -> String.valueOf(LIMIT_PER_MINUTE));
    registry.add("rapport.outbox.max-attempts", () -> "10");
    registry.add("rapport.outbox.base-backoff", () -> "200ms");
  }

  @Autowired
  Outbox outbox;
  @Autowired
  MeterRegistry metrics;

  @Test
  void deliversAThousandMessagesWithinTheLimits() {
    List<String> rows = new ArrayList<>();
    rows.add(run("clean", 0));
    rows.add(run("10% 429/500", 0.10));
    System.out.println();
    System.out.println("Outbox benchmark: 1,000 chat.postMessage deliveries to 100 channels, fake Slack on loopback, "
        + Runtime.getRuntime().availableProcessors() + " cores");
    System.out.println("command: ./mvnw -B test -Pbench -Dtest=OutboxBenchmark");
    System.out.printf("%-14s %9s %10s %6s %13s %13s %8s %6s %8s %5s %5s%n", "scenario", "messages", "limit/min",
        "burst", "achieved/min", "after burst", "seconds", "429s", "retries", "dead", "lost");
    rows.forEach(System.out::println);
    System.out.println("lost = messages never delivered or delivered more than once (must be 0)");
  }

  private String run(String name, double faultShare) {
    jedis.flushAll();
    slack.reset();
    double retriesBefore = count("retried") + count("rate_limited");
    double limitedBefore = count("rate_limited");
    double deadBefore = count("dead");
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      deliveries.add(Delivery.post(TEAM, "C" + (i % 100), name + "-" + i, "message " + i, null));
    }
    if (faultShare > 0) {
      slack.chaos(faultShare, Instant.now().plus(Duration.ofMinutes(10)), 42);
    }
    Instant start = Instant.now();
    outbox.sendAll(deliveries);
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
        deliveries.stream().allMatch(d -> outbox.delivered(d.id())) || outbox.stats(TEAM).pending() == 0);
    Duration took = Duration.between(start, Instant.now());

    Map<String, Integer> posted = new HashMap<>();
    slack.api().messages().forEach(m -> posted.merge(m.payload().path("rapport_id").asText(), 1, Integer::sum));
    long lost = deliveries.stream().filter(d -> posted.getOrDefault(d.id(), 0) != 1).count();
    double perMinute = 1000 / (took.toMillis() / 60_000.0);
    int burst = LIMIT_PER_MINUTE / 10;
    double afterBurst = (1000 - burst) / (took.toMillis() / 60_000.0);
    return String.format("%-14s %9d %10d %6d %13.0f %13.0f %8.1f %6.0f %8.0f %5.0f %5d", name, 1000,
        LIMIT_PER_MINUTE, burst, perMinute, afterBurst, took.toMillis() / 1000.0, count("rate_limited") - limitedBefore,
        count("retried") + count("rate_limited") - retriesBefore, count("dead") - deadBefore, lost);
  }

  private double count(String outcome) {
    var counter = metrics.find("rapport.outbox.deliveries").tag("outcome", outcome).counters();
    return counter.stream().mapToDouble(c -> c.count()).sum();
  }
}
