package dev.rapport.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import dev.rapport.bench.BenchRequests.Kind;

/**
 * Open-loop load: requests go out at a fixed rate whatever the app's answers do, signed as Slack signs
 * them, and each latency counts from when the request was due (so a stall shows as latency, not as a
 * quietly lower rate).
 */
final class LoadGenerator {

  /** What one kind of request saw in one step. */
  record Result(String kind, int sent, int ok, double throughput, double p50, double p99, double max) {}

  private final HttpClient http = HttpClient.newBuilder()
      .executor(Executors.newFixedThreadPool(16)).connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;
  private final byte[] secret;

  /** Worst latency (ms) per half second of the last run, to see when in a phase requests waited. */
  private volatile double[] worstPerHalfSecond = new double[0];

  LoadGenerator(String baseUrl, String secret) {
    this.url = baseUrl + "/slack/events";
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** Sends one request of {@code kind} and waits for the answer; fails unless it is a 200. */
  void once(Kind kind) {
    String body = kind.body().apply(ONCE.incrementAndGet());
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", kind.contentType()).header("X-Slack-Request-Timestamp", timestamp)
        .header("X-Slack-Signature", sign(timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new IllegalStateException(kind.name() + " answered " + status);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final java.util.concurrent.atomic.AtomicInteger ONCE = new java.util.concurrent.atomic.AtomicInteger();

  /** Sends {@code rate} requests a second for {@code seconds}, cycling through {@code kinds}. */
  List<Result> run(List<Kind> kinds, int rate, int seconds) {
    Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    Map<String, int[]> sent = new ConcurrentHashMap<>();
    Map<String, ConcurrentLinkedQueue<Integer>> statuses = new ConcurrentHashMap<>();
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    int total = rate * seconds;
    double[] worst = new double[seconds * 2 + 1];
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      Kind kind = kinds.get(i % kinds.size());
      String body = kind.body().apply(i);
      String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", kind.contentType()).header("X-Slack-Request-Timestamp", timestamp)
          .header("X-Slack-Signature", sign(timestamp, body))
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
      sent.computeIfAbsent(kind.name(), k -> new int[1])[0]++;
      inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
        long took = System.nanoTime() - due;
        int bucket = (int) Math.min(worst.length - 1, (due - start) / 500_000_000L);
        synchronized (worst) {
          worst[bucket] = Math.max(worst[bucket], took / 1e6);
        }
        latencies.computeIfAbsent(kind.name(), k -> new ConcurrentLinkedQueue<>()).add(took);
        statuses.computeIfAbsent(kind.name(), k -> new ConcurrentLinkedQueue<>())
            .add(error == null ? response.statusCode() : -1);
        return null;
      }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    worstPerHalfSecond = worst;
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Result> results = new ArrayList<>();
    for (String name : new TreeMap<>(sent).keySet()) {
      List<Long> sorted = new ArrayList<>(latencies.getOrDefault(name, new ConcurrentLinkedQueue<>()));
      sorted.sort(null);
      int ok = (int) statuses.getOrDefault(name, new ConcurrentLinkedQueue<>()).stream().filter(s -> s == 200).count();
      results.add(new Result(name, sent.get(name)[0], ok, ok / elapsed, ms(sorted, 0.50), ms(sorted, 0.99),
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6));
    }
    return results;
  }

  /** "0.0s 12 | 0.5s 9 | ...": the worst latency in ms of each half second of the last run. */
  String timeline() {
    StringBuilder line = new StringBuilder();
    double[] worst = worstPerHalfSecond;
    for (int i = 0; i < worst.length - 1; i++) {
      line.append(i > 0 ? " | " : "").append(String.format("%.1fs %.0f", i / 2.0, worst[i]));
    }
    return line.toString();
  }

  private static double ms(List<Long> sorted, double quantile) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
  }

  private String sign(String timestamp, String body) {
    return BenchRequests.sign(secret, timestamp, body);
  }
}
