package dev.rapport.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import redis.clients.jedis.Jedis;

/** Redis's own per-command counters ({@code INFO commandstats}), for benchmarks that count what a step sent. */
final class RedisCalls {

  private RedisCalls() {
  }

  /** The counters now, as command -> calls. */
  static Map<String, Long> now(int port) {
    try (Jedis direct = new Jedis("127.0.0.1", port)) {
      return parse(direct.info("commandstats"));
    }
  }

  /** Calls per command since {@code before} (without the INFO calls that read the counters). */
  static Map<String, Long> since(Map<String, Long> before, int port) {
    Map<String, Long> delta = new TreeMap<>();
    now(port).forEach((command, n) -> {
      long d = n - before.getOrDefault(command, 0L);
      if (d > 0 && !command.equals("info")) {
        delta.put(command, d);
      }
    });
    return delta;
  }

  /** "2.01 (set 1.00, evalsha 1.00)": all commands per answer, then each, most first. */
  static String perAnswer(Map<String, Long> calls, long answers) {
    if (answers == 0) {
      return "-";
    }
    long total = calls.values().stream().mapToLong(Long::longValue).sum();
    return String.format("%.2f (%s)", total / (double) answers, calls.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / (double) answers))
        .collect(Collectors.joining(", ")));
  }

  /** "cmdstat_get:calls=12,usec=..." lines as command -> calls. */
  static Map<String, Long> parse(String info) {
    Map<String, Long> calls = new TreeMap<>();
    info.lines().filter(line -> line.startsWith("cmdstat_")).forEach(line -> {
      String name = line.substring("cmdstat_".length(), line.indexOf(':'));
      String count = line.substring(line.indexOf("calls=") + 6);
      calls.put(name, Long.parseLong(count.substring(0, count.indexOf(','))));
    });
    return calls;
  }
}
