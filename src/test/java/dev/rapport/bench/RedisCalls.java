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
    return commandstats(port, "calls=");
  }

  /** Calls per command since {@code before} (without the INFO calls that read the counters). */
  static Map<String, Long> since(Map<String, Long> before, int port) {
    return delta(before, now(port));
  }

  /** Per command, {@code after} minus {@code before} where it grew (without the INFO calls that read them). */
  static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((command, n) -> {
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

  /** CPU seconds the Redis server has used so far (user + system, {@code INFO cpu}). */
  static double cpuSeconds(int port) {
    try (Jedis direct = new Jedis("127.0.0.1", port)) {
      return direct.info("cpu").lines().filter(line -> line.startsWith("used_cpu_sys:")
          || line.startsWith("used_cpu_user:")).mapToDouble(line -> Double.parseDouble(
          line.substring(line.indexOf(':') + 1).trim())).sum();
    }
  }

  /** "cmdstat_get:calls=12,usec=..." lines as command -> calls. */
  static Map<String, Long> parse(String info) {
    return parse(info, "calls=");
  }

  /** Microseconds Redis spent per command so far ({@code usec} of {@code INFO commandstats}). */
  static Map<String, Long> usecNow(int port) {
    return commandstats(port, "usec=");
  }

  private static Map<String, Long> commandstats(int port, String field) {
    try (Jedis direct = new Jedis("127.0.0.1", port)) {
      return parse(direct.info("commandstats"), field);
    }
  }

  private static Map<String, Long> parse(String info, String field) {
    Map<String, Long> values = new TreeMap<>();
    info.lines().filter(line -> line.startsWith("cmdstat_")).forEach(line -> {
      String name = line.substring("cmdstat_".length(), line.indexOf(':'));
      String value = line.substring(line.indexOf(field) + field.length());
      values.put(name, Long.parseLong(value.substring(0, value.indexOf(','))));
    });
    return values;
  }
}
