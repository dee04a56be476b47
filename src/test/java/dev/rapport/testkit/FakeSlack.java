package dev.rapport.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * An in-process Slack Web API over real HTTP. It answers from the shapes in {@code slack-samples/api},
 * keeps the state the app needs to see (users, channels, posted messages, opened views, uploaded files),
 * records every call, and can be told to answer 429 (with {@code Retry-After}) or 500 for a method.
 * It also serves {@code response_url}s, so replies sent with {@code respond} are recorded too.
 */
public final class FakeSlack implements AutoCloseable {

  /**
   * One recorded Web API call: its arguments as sent (a JSON body's objects and arrays as their JSON text, as a
   * form carries them), the token from the Authorization header, and the body's content type.
   */
  public record Call(String method, String token, Map<String, String> params, Instant at, String contentType) {
    public String param(String name) {
      return params.get(name);
    }

    public JsonNode json(String name) {
      try {
        String value = params.get(name);
        return value == null ? null : SlackSamples.JSON.readTree(value);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A message the app posted to a {@code response_url}. */
  public record Responded(String id, JsonNode body) {
    public String text() {
      return body.path("text").asText();
    }
  }

  /** What to answer instead of the normal response. */
  public record Fault(int status, int retryAfterSeconds, boolean acceptFirst) {}

  /** Methods that take a JSON body as well as a form (Slack's write methods the app calls). */
  private static final Set<String> JSON_METHODS = Set.of("views.open", "views.push",
      "views.update", "views.publish", "chat.postMessage", "chat.postEphemeral", "chat.update");

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Responded> responded = new CopyOnWriteArrayList<>();
  /** Calls per method, kept whether or not the calls themselves are ({@link #countCallsOnly}). */
  private final Map<String, LongAdder> counted =
      new ConcurrentHashMap<>();
  private volatile boolean keepCalls = true;
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final Map<String, Function<Call, ObjectNode>> overrides = new ConcurrentHashMap<>();
  private final FakeApi api;
  private final FakeOpenId openId = new FakeOpenId();
  private volatile Chaos chaos;
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private volatile long allDelay;
  /** Delayed answers wait on this; {@link #releaseDelays} opens it, so a test never sits out a delay. */
  private volatile java.util.concurrent.CountDownLatch delayGate = new java.util.concurrent.CountDownLatch(1);

  private record Chaos(double share, Instant until, Random random) {}

  private FakeSlack(HttpServer server) {
    this.server = server;
    this.api = new FakeApi(this);
  }

  public static FakeSlack start() {
    // Without TCP_NODELAY the JDK server's small answers wait out the client's delayed ACK (~40 ms),
    // which would show up as Slack latency that real Slack doesn't add.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
      server.setExecutor(Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "fake-slack");
        t.setDaemon(true);
        return t;
      }));
      FakeSlack slack = new FakeSlack(server);
      server.createContext("/", slack::handle);
      server.start();
      return slack;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String apiUrl() {
    return baseUrl() + "/api/";
  }

  /** A response_url for one command or action; what the app posts there shows in {@link #responded()}. */
  public String responseUrl(String id) {
    return baseUrl() + "/respond/" + id;
  }

  /** The bot token the fake accepts for {@code team}. */
  public static String tokenFor(String team) {
    return "xoxb-" + team + "-fake";
  }

  public FakeWorkspace workspace(String team) {
    return api.workspace(team);
  }

  public FakeApi api() {
    return api;
  }

  /** Forgets calls, faults, overrides, workspaces and messages. */
  public void reset() {
    calls.clear();
    responded.clear();
    faults.clear();
    overrides.clear();
    releaseDelays();
    delays.clear();
    chaos = null;
    api.reset();
    openId.reset();
  }

  /** Sign in with Slack: who signs in, and the authorize page and token endpoint of it. */
  public FakeOpenId openId() {
    return openId;
  }

  /** Slack's OpenID Connect authorize page, as the app's settings name it. */
  public String authorizeUrl() {
    return baseUrl() + "/openid/connect/authorize";
  }

  /**
   * For load benchmarks: from now on, calls, views and response_url answers are only counted
   * ({@link #count}), not kept (keeping a few hundred thousand made this fake the bottleneck).
   */
  public void countCallsOnly() {
    keepCalls = false;
    api.keepViews(false);
  }

  /** How many times {@code method} was called, kept or not. */
  public long count(String method) {
    var n = counted.get(method);
    return n == null ? 0 : n.sum();
  }

  private void record(Call call) {
    counted.computeIfAbsent(call.method(), m -> new LongAdder()).increment();
    if (keepCalls) {
      calls.add(call);
    }
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  public List<Responded> responded() {
    return List.copyOf(responded);
  }

  /**
   * Removes and returns the first message sent to response_url {@code id}, if any: a test that read an
   * answer as its command's answer takes it, so {@link #responded()} keeps holding only the others.
   */
  public java.util.Optional<Responded> take(String id) {
    for (Responded r : responded) {
      if (r.id().equals(id) && responded.remove(r)) {
        return java.util.Optional.of(r);
      }
    }
    return java.util.Optional.empty();
  }

  /** Answers {@code method} with {@code responder} instead of the built-in behaviour. */
  public void on(String method, Function<Call, ObjectNode> responder) {
    overrides.put(method, responder);
  }

  /** The next {@code times} calls to {@code method} get 429 with {@code Retry-After: seconds}. */
  public void rateLimitNext(String method, int seconds, int times) {
    addFaults(method, new Fault(429, seconds, false), times);
  }

  /** The next {@code times} calls to {@code method} get HTTP {@code status}. */
  public void failNext(String method, int status, int times) {
    addFaults(method, new Fault(status, 0, false), times);
  }

  /**
   * The next call to {@code method} is carried out (Slack accepted it) but answered with 500, as when a
   * response is lost on the way back.
   */
  public void acceptThenFailNext(String method) {
    addFaults(method, new Fault(500, 0, true), 1);
  }

  /** Answers {@code method} only after {@code millis} (after carrying it out), like a slow Slack. */
  public void delay(String method, long millis) {
    delays.put(method, millis);
  }

  /**
   * Answers every Web API method only after {@code millis} (a slow Slack); {@code response_url}s answer at
   * once. {@link #releaseDelays} (or {@link #reset}) lets calls still waiting through.
   */
  public void delayAll(long millis) {
    allDelay = millis;
  }

  /** Ends every delay: calls waiting out a delay are answered now, later calls aren't delayed. */
  public void releaseDelays() {
    allDelay = 0;
    delays.clear();
    java.util.concurrent.CountDownLatch gate = delayGate;
    delayGate = new java.util.concurrent.CountDownLatch(1);
    gate.countDown();
  }

  /** Until {@code until}, a share of calls get 500 or 429 at random (seeded). */
  public void chaos(double share, Instant until, long seed) {
    chaos = new Chaos(share, until, new Random(seed));
  }

  private void addFaults(String method, Fault fault, int times) {
    Deque<Fault> queue = faults.computeIfAbsent(method, m -> new ArrayDeque<>());
    synchronized (queue) {
      for (int i = 0; i < times; i++) {
        queue.add(fault);
      }
    }
  }

  private Fault nextFault(String method) {
    Deque<Fault> queue = faults.get(method);
    if (queue != null) {
      synchronized (queue) {
        Fault fault = queue.poll();
        if (fault != null) {
          return fault;
        }
      }
    }
    Chaos c = chaos;
    if (c != null && Instant.now().isBefore(c.until())) {
      synchronized (c.random()) {
        double roll = c.random().nextDouble();
        if (roll < c.share() / 2) {
          return new Fault(500, 0, false);
        }
        if (roll < c.share()) {
          return new Fault(429, 1, false);
        }
      }
    }
    return null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.startsWith("/respond/")) {
        String id = path.substring("/respond/".length());
        if (keepCalls) {
          responded.add(new Responded(id, SlackSamples.JSON.readTree(body)));
        }
        send(exchange, 200, "ok", "text/plain");
        return;
      }
      if (path.startsWith("/upload/")) {
        api.uploaded(path.substring("/upload/".length()), body);
        send(exchange, 200, "OK - " + body.length, "text/plain");
        return;
      }
      if (path.equals("/openid/connect/authorize")) {
        String back = openId.authorize(parseForm(exchange.getRequestURI().getRawQuery()));
        exchange.getResponseHeaders().set("Location", back);
        send(exchange, 302, "", "text/plain");
        return;
      }
      if (path.equals("/api/openid.connect.token")) {
        Map<String, String> params = new java.util.HashMap<>(parseForm(new String(body, StandardCharsets.UTF_8)));
        // The app authenticates with HTTP Basic (client id and secret), as Slack's SDK sends them.
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
          String[] pair = new String(java.util.Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
              .split(":", 2);
          params.putIfAbsent("client_id", pair[0]);
          params.putIfAbsent("client_secret", pair.length > 1 ? pair[1] : "");
        }
        Call call = new Call("openid.connect.token", null, Map.copyOf(params), Instant.now(),
            exchange.getRequestHeaders().getFirst("Content-Type"));
        record(call);
        send(exchange, 200, openId.token(call).toString(), "application/json; charset=utf-8");
        return;
      }
      if (!path.startsWith("/api/")) {
        send(exchange, 404, "not found", "text/plain");
        return;
      }
      String method = path.substring("/api/".length());
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      boolean json = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
      Map<String, String> params = json ? parseJson(method, body)
          : parseForm(new String(body, StandardCharsets.UTF_8));
      if (exchange.getRequestURI().getRawQuery() != null) {
        params.putAll(parseForm(exchange.getRequestURI().getRawQuery()));
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      // As Slack: a JSON body's token only counts in the Authorization header.
      String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7)
          : json ? null : params.get("token");
      Call call = new Call(method, token, Map.copyOf(params), Instant.now(), type);
      record(call);

      Fault fault = nextFault(method);
      if (fault != null && !fault.acceptFirst()) {
        if (fault.status() == 429) {
          exchange.getResponseHeaders().add("Retry-After", String.valueOf(fault.retryAfterSeconds()));
          send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}", "application/json");
        } else {
          send(exchange, fault.status(), "{\"ok\":false,\"error\":\"fatal_error\"}", "application/json");
        }
        return;
      }
      Function<Call, ObjectNode> override = overrides.get(method);
      ObjectNode answer = override != null ? override.apply(call) : api.answer(call);
      if (fault != null) {
        send(exchange, 500, "{\"ok\":false,\"error\":\"fatal_error\"}", "application/json");
        return;
      }
      long delay = Math.max(allDelay, delays.getOrDefault(method, 0L));
      if (delay > 0) {
        try {
          delayGate.await(delay, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      send(exchange, 200, answer.toString(), "application/json; charset=utf-8");
    } catch (RuntimeException e) {
      e.printStackTrace();
      throw e;
    }
  }

  private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * The arguments of a JSON body, for the methods Slack takes JSON for (its write methods); like Slack, others
   * read nothing from a JSON body.
   */
  private static Map<String, String> parseJson(String method, byte[] body) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    if (!JSON_METHODS.contains(method) || body.length == 0) {
      return params;
    }
    SlackSamples.JSON.readTree(body).properties().forEach(field -> params.put(field.getKey(),
        field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
    return params;
  }

  static Map<String, String> parseForm(String form) {
    Map<String, String> params = new LinkedHashMap<>();
    if (form == null || form.isBlank() || form.trim().startsWith("{")) {
      return params;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  List<Call> rawCalls() {
    return new ArrayList<>(calls);
  }
}
