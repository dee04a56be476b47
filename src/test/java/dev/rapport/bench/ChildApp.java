package dev.rapport.bench;

import dev.rapport.RapportApplication;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.TestRedis;
import floorapp.FloorApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spring Boot app started as its own JVM on the test classpath, so its CPU and garbage collection are
 * its own, as in production, and not shared with the load generator and the fake Slack.
 */
final class ChildApp implements AutoCloseable {

  private final Process process;
  private final int port;
  private final int managementPort;
  private final Path log;

  private ChildApp(Process process, int port, int managementPort, Path log) {
    this.process = process;
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
  }

  static ChildApp start(Class<?> main, String... args) throws IOException, InterruptedException {
    int port = freePort();
    int managementPort = freePort();
    // Background threads at the lowest OS priority, as every launch of the app sets it (README: Performance).
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19"));
    // e.g. -Dbench.jvm="-XX:StartFlightRecording=filename=/tmp/app.jfr" to profile the apps under load, or
    // -Dbench.jvm.RapportApplication=... for one app only
    String extra = (System.getProperty("bench.jvm", "") + " "
        + System.getProperty("bench.jvm." + main.getSimpleName(), "")).trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), "--server.port=" + port,
        "--management.server.port=" + managementPort));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("bench-" + main.getSimpleName(), ".log");
    ChildApp app = new ChildApp(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .start(), port, managementPort, log);
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!app.process.isAlive()) {
        throw new IllegalStateException(main.getSimpleName() + " exited; see " + log);
      }
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + app.managementPort + "/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return app;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    app.close();
    throw new IllegalStateException(main.getSimpleName() + " did not become healthy; see " + log);
  }

  /**
   * The floor ({@link FloorApp}) on {@code redis}, talking to {@code slack} with {@code team}'s token, signing
   * secret {@code secret}; {@code more}: settings of its own (e.g. {@code --floor.replay-check=true}).
   */
  static ChildApp floor(RemoteFakeSlack slack, TestRedis redis, String team, String secret, String... more)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
        "--management.endpoint.health.group.readiness.include=readinessState", "--floor.redis-port=" + redis.port(),
        "--floor.api-url=" + slack.apiUrl(), "--floor.bot-token=" + FakeSlack.tokenFor(team),
        "--floor.secret=" + secret));
    args.addAll(List.of(more));
    return start(FloorApp.class, args.toArray(String[]::new));
  }

  /** Rapport with its default settings on {@code redis}, talking to {@code slack}, signing secret {@code secret}. */
  static ChildApp rapport(RemoteFakeSlack slack, TestRedis redis, String secret)
      throws IOException, InterruptedException {
    return start(RapportApplication.class, "--logging.level.root=WARN",
        "--rapport.slack.api-url=" + slack.apiUrl(),
        "--rapport.slack.bot-token=" + FakeSlack.tokenFor(BenchRequests.TEAM),
        "--rapport.slack.signing-secret=" + secret, "--rapport.redis.url=" + redis.url(),
        "--rapport.pulse.secret=" + AppTest.PULSE_SECRET);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Lines of the app's log that contain {@code text}. */
  List<String> logLines(String text) throws IOException {
    return Files.readAllLines(log).stream().filter(line -> line.contains(text)).toList();
  }

  /** The sum of a Prometheus metric's samples whose line starts with {@code name} (e.g. a gauge). */
  double metric(String name) throws IOException, InterruptedException {
    return metric(name, "");
  }

  /** As {@link #metric(String)}, only the samples whose line also contains {@code label} (e.g. a tag). */
  double metric(String name, String label) throws IOException, InterruptedException {
    String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .filter(line -> line.contains(label))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  long pid() {
    return process.pid();
  }

  /** CPU seconds the app's JVM has used so far, all threads (user + system, from /proc). */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
