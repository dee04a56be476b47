package dev.rapport.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code target/rapport.jar} started as its own process, as an operator would run it. Used by the
 * {@code *IT} tests that need a real process boundary (the jar as shipped, SIGKILL drills).
 */
public final class JarProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final int managementPort;
  private final Path log;

  private JarProcess(Process process, int port, int managementPort, Path log) {
    this.process = process;
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
  }

  /** Starts the jar with {@code env} on a free port and waits until it reports ready. */
  public static JarProcess start(Map<String, String> env) throws IOException, InterruptedException {
    return start(env, freePort());
  }

  /**
   * Starts the jar on {@code port} (a restart keeps its address), with health and metrics on another free
   * port, and waits until it reports ready.
   */
  public static JarProcess start(Map<String, String> env, int port) throws IOException, InterruptedException {
    int managementPort = freePort();
    String jar = System.getProperty("rapport.jar", "target/rapport.jar");
    Path log = Files.createTempFile("rapport-jar", ".log");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar)
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
    builder.environment().putAll(env);
    JarProcess app = new JarProcess(builder.start(), port, managementPort, log);
    app.awaitReady(Duration.ofSeconds(60));
    return app;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Where /actuator/* is served (not the Slack port). */
  public String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** SIGKILL: no shutdown hooks, no graceful anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      kill();
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException, IOException {
    HttpClient http = HttpClient.newHttpClient();
    try {
      // An IOException means it is still starting.
      await().atMost(timeout).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("the app exited early:\n" + log());
            }
            return http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("the app did not become ready in " + timeout + ":\n" + log());
    }
  }
}
