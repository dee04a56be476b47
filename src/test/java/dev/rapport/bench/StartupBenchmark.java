package dev.rapport.bench;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up of the packaged app with an external Redis: from launching the JVM to readiness UP (what
 * Kubernetes waits for), {@value #RUNS} times each, in turn: the plain {@code java -jar target/rapport.jar};
 * the jar extracted ({@code java -Djarmode=tools -jar rapport.jar extract}) and run with a class data
 * sharing archive from a training run ({@code -XX:ArchiveClassesAtExit} with
 * {@code -Dspring.context.exit=onRefresh}), as the image does. Needs {@code ./mvnw -B package -DskipTests}
 * first. Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B test -Pbench -Dtest=StartupBenchmark}
 */
@Tag("benchmark")
class StartupBenchmark {

  static final int RUNS = Integer.getInteger("bench.runs", 3);

  @Test
  void packagedJarToReady() throws Exception {
    Path jar = Path.of(System.getProperty("rapport.jar", "target/rapport.jar")).toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run ./mvnw -B package -DskipTests first");
    }
    Path work = Files.createTempDirectory("startup");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    run(work, List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
        work.resolve("app").toString()), Map.of());
    Path extracted = work.resolve("app").resolve("rapport.jar");
    Path archive = work.resolve("app").resolve("rapport.jsa");
    TestRedis redis = TestRedis.startNew();
    try {
      Map<String, String> env = Map.of("REDIS_URL", redis.url(), "SLACK_SIGNING_SECRET", "startup-secret",
          "SLACK_BOT_TOKEN", "xoxb-startup", "RAPPORT_PULSE_SECRET", AppTest.PULSE_SECRET,
          "SLACK_API_URL", "http://127.0.0.1:9/api/");
      // The training run: starts the context, then exits; the JVM writes the classes it loaded.
      run(work, List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
          extracted.toString()), env);
      Map<String, List<String>> launches = new LinkedHashMap<>();
      launches.put("java -jar rapport.jar", List.of(java, "-jar", jar.toString()));
      launches.put("extracted jar", List.of(java, "-jar", extracted.toString()));
      launches.put("extracted jar + CDS archive", List.of(java, "-XX:SharedArchiveFile=" + archive, "-jar",
          extracted.toString()));
      Map<String, List<Double>> seconds = new LinkedHashMap<>();
      for (int i = 0; i < RUNS; i++) {
        for (var launch : launches.entrySet()) {
          List<String> command = new ArrayList<>(launch.getValue());
          command.add(1, "-Xmx512m");
          seconds.computeIfAbsent(launch.getKey(), k -> new ArrayList<>()).add(toReady(work, command, env));
        }
      }
      System.out.println();
      System.out.printf("Start-up to readiness UP, external Redis, %d cores, %d runs each in turn (s)%n",
          Runtime.getRuntime().availableProcessors(), RUNS);
      System.out.println("command: ./mvnw -B package -DskipTests && ./mvnw -B test -Pbench -Dtest=StartupBenchmark");
      System.out.println("| Launch | Seconds to ready (runs) | Median |");
      System.out.println("| --- | --- | ---: |");
      seconds.forEach((launch, s) -> System.out.printf("| %s | %s | **%.2f** |%n", launch,
          String.join(" / ", s.stream().map(v -> String.format("%.2f", v)).toList()), median(s)));
    } finally {
      redis.stop();
    }
  }

  /** Starts {@code command}, polls readiness every 20 ms, stops it; seconds from launch to the first 200. */
  private static double toReady(Path work, List<String> command, Map<String, String> env) throws Exception {
    int port = freePort();
    int management = freePort();
    List<String> withPorts = new ArrayList<>(command);
    withPorts.addAll(List.of("--server.port=" + port, "--management.server.port=" + management));
    Path log = Files.createTempFile(work, "start", ".log");
    ProcessBuilder builder = new ProcessBuilder(withPorts).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(90)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("exited early: " + Files.readString(log));
        }
        try {
          if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - started) / 1e9;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("not ready after 90 s: " + Files.readString(log));
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static void run(Path work, List<String> command, Map<String, String> env) throws Exception {
    Path log = Files.createTempFile(work, "run", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return Arrays.stream(sorted).skip(sorted.length / 2).findFirst().orElse(0);
  }
}
