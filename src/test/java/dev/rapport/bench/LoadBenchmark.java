package dev.rapport.bench;

import dev.rapport.RapportApplication;
import floorapp.FloorApp;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.SlackRequests;
import dev.rapport.testkit.TestRedis;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Signed slash commands ({@code /coffee status}, {@code /pulse} opening a modal, {@code /empathy}) and
 * message events through the real {@code /slack/events}, at increasing rates, against Rapport and against
 * the framework's floor (a Bolt app that only acks after one Redis write), then against Rapport again
 * while a 10,000-member round and a 1,000-member pulse invitation are being delivered (within Slack's
 * real rate limits, the app's defaults).
 * Run: {@code ./mvnw -B test -Pbench -Dtest=LoadBenchmark}
 */
@Tag("benchmark")
class LoadBenchmark {

  static final String TEAM = "T0LOAD";
  static final String SECRET = "load-benchmark-secret";
  static final int[] RATES = {100, 250, 500};
  static final int SECONDS = 10;

  private final List<String> table = new ArrayList<>();
  private final Map<String, Double> throughput = new LinkedHashMap<>();

  @Test
  void rapportAgainstTheFloor() throws Exception {
    TestRedis redis = TestRedis.startNew();
    try (FakeSlack slack = FakeSlack.start()) {
      slack.workspace(TEAM).channel("C0LOAD", "UL", 50);
      slack.workspace(TEAM).channel("C0BIG", "UB", 10_000);
      slack.workspace(TEAM).channel("C0PULSE", "UP", 1_000);
      slack.workspace(TEAM).channel("C0WARM", "UW", 2_000);
      slack.workspace(TEAM).user("UL001").admin();
      slack.workspace(TEAM).join("C0BIG", "UL001");
      slack.workspace(TEAM).join("C0PULSE", "UL001");
      slack.workspace(TEAM).join("C0WARM", "UL001");

      try (ChildApp floor = ChildApp.start(FloorApp.class, "--spring.main.banner-mode=off",
          "--logging.level.root=WARN",
          "--management.endpoint.health.group.readiness.include=readinessState",
          "--floor.redis-port=" + redis.port(), "--floor.api-url=" + slack.apiUrl(),
          "--floor.bot-token=" + FakeSlack.tokenFor(TEAM), "--floor.secret=" + SECRET)) {
        LoadGenerator load = new LoadGenerator(floor.url(), SECRET);
        load.run(mix(slack), 200, 10);
        for (int rate : RATES) {
          record("floor", "quiet", rate, load.run(mix(slack), rate, SECONDS));
        }
      }
      redis.client().flushAll();

      try (ChildApp rapport = ChildApp.start(RapportApplication.class, "--logging.level.root=WARN",
          "--logging.level.dev.rapport.pairing.RoundRunner=INFO", "--logging.level.dev.rapport.pulse.PeriodJob=INFO",
          "--rapport.slack.api-url=" + slack.apiUrl(),
          "--rapport.slack.bot-token=" + FakeSlack.tokenFor(TEAM), "--rapport.slack.signing-secret=" + SECRET,
          "--rapport.redis.url=" + redis.url(),
          // Far above Slack's real tiers, so the busy phase really delivers hundreds of messages.
          "--rapport.outbox.per-minute.conversations.open=3000", "--rapport.outbox.per-minute.chat.postMessage=3000")) {
        SlackRequests admin = new SlackRequests(rapport.url(), SECRET, slack);
        Instant firstPeriod = Instant.now().plus(Duration.ofSeconds(45)).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant bigPeriod = firstPeriod.plus(Duration.ofMinutes(2));
        admin.command(TEAM, "UL001", "C0LOAD", "/coffee", "start every week on mon at 10:00 tz UTC");
        admin.command(TEAM, "UL001", "C0BIG", "/coffee", "start every week on mon at 10:00 tz UTC");
        admin.command(TEAM, "UL001", "C0LOAD", "/pulse", "start every day at " + hhmm(firstPeriod) + " tz UTC");
        admin.command(TEAM, "UL001", "C0PULSE", "/pulse", "start every day at " + hhmm(bigPeriod) + " tz UTC");
        // Warm-up, as for the requests: a 2,001-member round runs the round code once, so the measured round
        // is not the JVM's first (the JIT compiling it would be measured instead); its intros are delivered
        // before the quiet phase starts.
        admin.command(TEAM, "UL001", "C0WARM", "/coffee", "start every week on mon at 10:00 tz UTC");
        admin.command(TEAM, "UL001", "C0WARM", "/coffee", "now");
        sleepUntil(firstPeriod.plusSeconds(5));
        Instant warmedBy = Instant.now().plus(Duration.ofMinutes(2));
        while (delivered(slack, "pairing:C0WARM:") < 1_000 && Instant.now().isBefore(warmedBy)) {
          Thread.sleep(500);
        }

        LoadGenerator load = new LoadGenerator(rapport.url(), SECRET);
        load.run(mix(slack), 200, 10);
        for (int rate : RATES) {
          record("rapport", "quiet", rate, load.run(mix(slack), rate, SECONDS));
        }
        timelines.put("quiet 500/s", load.timeline());

        sleepUntil(bigPeriod.minusSeconds(3));
        // The small channel's invitations went out before; count only the big pulse's.
        long smallInvites = delivered(slack, "pulse:invite:");
        try (redis.clients.jedis.Jedis direct = new redis.clients.jedis.Jedis("127.0.0.1", redis.port())) {
          direct.configSet("slowlog-log-slower-than", "1000");
          direct.configSet("slowlog-max-len", "10000");
          direct.slowlogReset();
        }
        admin.command(TEAM, "UL001", "C0BIG", "/coffee", "now");
        timelines.put("busy starts", Instant.now().toString());
        record("rapport", "busy", 500, load.run(mix(slack), 500, SECONDS));
        timelines.put("busy", load.timeline());
        long introsBefore = delivered(slack, "pairing:C0BIG:");
        long invitesBefore = delivered(slack, "pulse:invite:") - smallInvites;
        record("rapport", "sending", 500, load.run(mix(slack), 500, SECONDS));
        timelines.put("sending", load.timeline());
        slowRedis(redis);
        rapport.logLines("intros queued").forEach(line -> timelines.put("round " + timelines.size(), line));
        rapport.logLines("Pulse period").forEach(line -> timelines.put("pulse " + timelines.size(), line));
        print(introsBefore, invitesBefore, delivered(slack, "pairing:C0BIG:"),
            delivered(slack, "pulse:invite:") - smallInvites);
      }
    } finally {
      redis.stop();
    }
  }

  private List<LoadGenerator.Kind> mix(FakeSlack slack) {
    List<LoadGenerator.Kind> kinds = new ArrayList<>();
    kinds.add(command(slack, "/coffee status", "/coffee", "status"));
    kinds.add(command(slack, "/pulse (modal)", "/pulse", ""));
    kinds.add(command(slack, "/empathy", "/empathy", ""));
    kinds.add(new LoadGenerator.Kind("event message", "application/json", i -> "{\"token\":\"x\",\"team_id\":\"" + TEAM
        + "\",\"api_app_id\":\"ARAPPORT\",\"type\":\"event_callback\",\"event_id\":\"Ev" + UUID.randomUUID()
        + "\",\"event_time\":" + Instant.now().getEpochSecond() + ",\"authorizations\":[{\"team_id\":\"" + TEAM
        + "\",\"user_id\":\"UBOT\",\"is_bot\":true}],\"event\":{\"type\":\"message\",\"channel\":\"C0LOAD\",\"user\":\""
        + user(i) + "\",\"text\":\"hi\",\"ts\":\"1790000000." + String.format("%06d", i % 1_000_000)
        + "\",\"thread_ts\":\"1780000000.000100\",\"channel_type\":\"channel\"}}"));
    return kinds;
  }

  private static LoadGenerator.Kind command(FakeSlack slack, String name, String command, String text) {
    return new LoadGenerator.Kind(name, "application/x-www-form-urlencoded", i -> "token=x&team_id=" + TEAM
        + "&team_domain=load&channel_id=C0LOAD&channel_name=load&user_id=" + user(i) + "&user_name=u&command="
        + enc(command) + "&text=" + enc(text) + "&api_app_id=ARAPPORT&is_enterprise_install=false&response_url="
        + enc(slack.responseUrl("load-" + i)) + "&trigger_id=t" + i);
  }

  private static String user(int i) {
    return String.format("UL%03d", 1 + (i % 50));
  }

  private final Map<String, Double> p99s = new LinkedHashMap<>();
  private final Map<String, String> timelines = new LinkedHashMap<>();

  private double p99(String phase, String request) {
    return p99s.get("rapport/" + phase + "/500/" + request);
  }

  private void record(String app, String phase, int rate, List<LoadGenerator.Result> results) {
    double total = 0;
    for (LoadGenerator.Result r : results) {
      p99s.put(app + "/" + phase + "/" + rate + "/" + r.kind(), r.p99());
      total += r.throughput();
      table.add(String.format("%-8s %-6s %6d  %-15s %6d %6d %10.1f %8.1f %8.1f %8.1f", app, phase, rate, r.kind(),
          r.sent(), r.ok(), r.throughput(), r.p50(), r.p99(), r.max()));
    }
    table.add(String.format("%-8s %-6s %6d  %-15s %6s %6s %10.1f", app, phase, rate, "all", "", "", total));
    throughput.put(app + "/" + phase + "/" + rate, total);
  }

  /** Redis runs one command at a time: what held it for over 1 ms during busy and sending. */
  private void slowRedis(TestRedis redis) {
    Map<String, long[]> byCommand = new java.util.TreeMap<>();
    List<redis.clients.jedis.resps.Slowlog> slow;
    try (redis.clients.jedis.Jedis direct = new redis.clients.jedis.Jedis("127.0.0.1", redis.port())) {
      slow = direct.slowlogGet(10_000);
    }
    for (var entry : slow) {
      String name = entry.getArgs().isEmpty() ? "?" : entry.getArgs().get(0).toLowerCase();
      if (name.startsWith("evalsha") && entry.getArgs().size() > 1) {
        name = "evalsha " + entry.getArgs().get(1).substring(0, 8);
      }
      long[] stats = byCommand.computeIfAbsent(name, k -> new long[3]);
      stats[0]++;
      stats[1] += entry.getExecutionTime();
      stats[2] = Math.max(stats[2], entry.getExecutionTime());
    }
    StringBuilder line = new StringBuilder();
    byCommand.forEach((name, stats) -> line.append(String.format("%s%s x%d total %.1f ms max %.1f ms",
        line.length() > 0 ? " | " : "", name, stats[0], stats[1] / 1000.0, stats[2] / 1000.0)));
    timelines.put("redis commands over 1 ms (busy + sending)", line.toString());
  }

  private static long delivered(FakeSlack slack, String keyPrefix) {
    return slack.api().messages().stream()
        .filter(m -> m.payload() != null && m.payload().path("rapport_id").asText().startsWith(keyPrefix)).count();
  }

  private void print(long introsBusy, long invitesBusy, long introsSending, long invitesSending) {
    System.out.println();
    System.out.println("Load benchmark: signed requests through /slack/events, fake Slack and Redis on loopback, "
        + Runtime.getRuntime().availableProcessors() + " cores, load generator in the same JVM");
    System.out.println("command: ./mvnw -B test -Pbench -Dtest=LoadBenchmark");
    System.out.printf("%-8s %-6s %6s  %-15s %6s %6s %10s %8s %8s %8s%n", "app", "phase", "rate/s", "request", "sent",
        "200s", "done/s", "p50 ms", "p99 ms", "max ms");
    table.forEach(System.out::println);
    for (int rate : RATES) {
      System.out.printf("throughput ratio rapport/floor at %d/s: %.2f%n", rate,
          throughput.get("rapport/quiet/" + rate) / throughput.get("floor/quiet/" + rate));
    }
    for (String phase : new String[] {"busy", "sending"}) {
      for (String request : new String[] {"/coffee status", "/empathy", "/pulse (modal)", "event message"}) {
        System.out.printf("%s vs quiet at 500/s, p99 of %-15s %+.0f%%%n", phase, request,
            100 * (p99(phase, request) / p99("quiet", request) - 1));
      }
    }
    System.out.println("warm-up: a 2,001-member round and a 50-person pulse ran and were delivered before the quiet phase");
    System.out.printf("busy: the round is formed (members, profiles, matching, 5,000 intros queued) and the pulse "
        + "period opens; by its end %d intros and %d invitations had gone out%n", introsBusy, invitesBusy);
    System.out.printf("sending: only deliveries run; by its end %d of 5,000 intros and %d of 1,001 invitations%n",
        introsSending, invitesSending);
    System.out.println("latency counts from when each request was due (open loop), so queueing shows as latency.");
    timelines.forEach((phase, line) -> System.out.println(phase + ": " + line));
  }

  private static String hhmm(Instant at) {
    return LocalTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void sleepUntil(Instant at) throws InterruptedException {
    long millis = Duration.between(Instant.now(), at).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
