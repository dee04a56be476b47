package dev.rapport.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop load with wrk ({@code apt-get install -y wrk}): {@value #CONNECTIONS} connections on
 * {@value #THREADS} threads, each sending its next request as soon as the last was answered, for a few
 * seconds: how many requests a second an app answers when it is kept busy, and their latency. Requests are
 * signed and written to files before the step starts (wrk only replays them, see {@code bench/closed-loop.lua}),
 * each one once, so the app's replay protection lets every one in.
 */
final class ClosedLoop {

  static final int THREADS = 2;
  static final int CONNECTIONS = 16;

  /** What one step measured; latencies in ms. {@code failed}: non-2xx answers and socket errors. */
  record Result(long requests, double seconds, double p50, double p99, double max, long failed) {
    /** Answers a second: requests answered 2xx (a refusal or an error is no answer). */
    double throughput() {
      return (requests - failed) / seconds;
    }
  }

  private final URI target;
  private final byte[] secret;
  private final Path dir;
  private final Path script;
  private int serial;

  ClosedLoop(String baseUrl, String secret) throws IOException {
    this.target = URI.create(baseUrl + "/slack/events");
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.dir = Files.createTempDirectory("closed-loop");
    this.script = dir.resolve("closed-loop.lua");
    try (var in = ClosedLoop.class.getResourceAsStream("/bench/closed-loop.lua")) {
      Files.copy(in, script);
    }
  }

  /** Runs {@code kind} for {@code seconds} with {@code planned} fresh signed requests (more than it can send). */
  Result run(BenchRequests.Kind kind, int seconds, int planned, String what)
      throws IOException, InterruptedException {
    Path requests = dir.resolve("requests-" + (serial++));
    write(kind, planned, requests);
    Process wrk = new ProcessBuilder(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s",
        "--timeout", "5s", "-s", script.toString(), target.toString(), "--", requests.toString()))
        .redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      throw new IllegalStateException("wrk failed: " + out);
    }
    for (int t = 0; t < THREADS; t++) {
      Files.deleteIfExists(Path.of(requests + "." + t));
    }
    String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no result from wrk: " + out));
    String[] f = line.substring(7).trim().split(" ");
    long failed = 0;
    for (int i = 5; i < 10; i++) {
      failed += Long.parseLong(f[i]);
    }
    long sent = Long.parseLong(f[0]);
    if (sent > planned) {
      // Requests were sent twice (wrk started over): those answered 409 and the figures mean little.
      throw new IllegalStateException(what + " ran out of signed requests: " + sent + " sent, " + planned + " planned");
    }
    return new Result(sent, Long.parseLong(f[1]) / 1e6, Long.parseLong(f[2]) / 1e3, Long.parseLong(f[3]) / 1e3,
        Long.parseLong(f[4]) / 1e3, failed);
  }

  /** Each wrk thread's share of the requests, as "<length>\n<raw request>" records. */
  private void write(BenchRequests.Kind kind, int planned, Path requests) throws IOException {
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String host = target.getHost() + ":" + target.getPort();
    int n = 0;
    for (int t = 0; t < THREADS; t++) {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(requests + "." + t)), 1 << 16)) {
        for (int i = 0; i < planned / THREADS; i++) {
          String body = kind.body().apply(n++);
          byte[] raw = ("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: "
              + kind.contentType() + "\r\nX-Slack-Request-Timestamp: " + timestamp + "\r\nX-Slack-Signature: "
              + BenchRequests.sign(secret, timestamp, body) + "\r\nContent-Length: "
              + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
          out.write((raw.length + "\n").getBytes(StandardCharsets.US_ASCII));
          out.write(raw);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }
}
