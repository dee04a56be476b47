package dev.rapport.bench;

import com.sun.net.httpserver.HttpServer;
import dev.rapport.testkit.FakeSlack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The load benchmark's fake Slack in its own JVM, so serving a 10,000-member round (and its garbage
 * collection) is not charged to the load generator's latency figures. The child sets up the benchmark's
 * workspace and answers {@code GET /delivered?prefix=} with how many posted messages carry an idempotency
 * key starting with the prefix.
 */
final class RemoteFakeSlack implements AutoCloseable {

  private final Process process;
  private final String baseUrl;
  private final String controlUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  private RemoteFakeSlack(Process process, String baseUrl, String controlUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.controlUrl = controlUrl;
  }

  /** Starts the child; {@code channels} are "id:userPrefix:members", {@code admin} joins every channel. */
  static RemoteFakeSlack start(String team, String admin, List<String> channels) throws IOException {
    Path log = Files.createTempFile("bench-fake-slack", ".log");
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx4g",
        "-cp", System.getProperty("java.class.path"), RemoteFakeSlack.class.getName(), team, admin));
    command.addAll(channels);
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("READY ")) {
      process.destroyForcibly();
      throw new IllegalStateException("fake Slack did not start; see " + log);
    }
    String[] urls = line.substring(6).split(" ");
    return new RemoteFakeSlack(process, urls[0], urls[1]);
  }

  String apiUrl() {
    return baseUrl + "/api/";
  }

  String responseUrl(String id) {
    return baseUrl + "/respond/" + id;
  }

  long delivered(String keyPrefix) throws IOException, InterruptedException {
    return Long.parseLong(http.send(HttpRequest.newBuilder(URI.create(controlUrl + "/delivered?prefix="
        + java.net.URLEncoder.encode(keyPrefix, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString()).body().trim());
  }

  /** How many times the app called Web API {@code method} (e.g. views.open). */
  long calls(String method) throws IOException, InterruptedException {
    return Long.parseLong(http.send(HttpRequest.newBuilder(URI.create(controlUrl + "/calls?method="
        + java.net.URLEncoder.encode(method, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString()).body().trim());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** The child: args team, admin, then channels as "id:userPrefix:members". */
  public static void main(String[] args) throws IOException {
    FakeSlack slack = FakeSlack.start();
    String team = args[0];
    String admin = args[1];
    for (int i = 2; i < args.length; i++) {
      String[] spec = args[i].split(":");
      slack.workspace(team).channel(spec[0], spec[1], Integer.parseInt(spec[2]));
    }
    slack.workspace(team).user(admin).admin();
    for (int i = 2; i < args.length; i++) {
      slack.workspace(team).join(args[i].split(":")[0], admin);
    }
    HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    control.createContext("/delivered", exchange -> {
      String prefix = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("prefix=".length()),
          StandardCharsets.UTF_8);
      long count = slack.api().messages().stream()
          .filter(m -> m.payload() != null && m.payload().path("rapport_id").asText().startsWith(prefix)).count();
      byte[] body = String.valueOf(count).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    control.createContext("/calls", exchange -> {
      String method = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("method=".length()),
          StandardCharsets.UTF_8);
      byte[] body = String.valueOf(slack.count(method)).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    slack.countCallsOnly(); // after the set-up: the benchmark's hundreds of thousands of calls are counted
    control.start();
    System.out.println("READY " + slack.baseUrl() + " http://127.0.0.1:" + control.getAddress().getPort());
    System.out.flush();
  }
}
