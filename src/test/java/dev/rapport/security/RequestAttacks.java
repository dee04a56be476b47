package dev.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.SlackRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;

/**
 * The route × method × signature matrix of the attack suite, run against a live app: every request gets
 * a 4xx, Redis stays exactly as it was (every key and value, compared through {@code DUMP}) and no call
 * reaches the fake Slack.
 *
 * <p>The bodies are real Slack shapes that would change something if they got in: an admin's
 * {@code /coffee start}, a Home "pause" button, a coffee settings submission, and a forged
 * {@code app_uninstalled} (which would erase the workspace). A replayed event is an {@code app_home_opened}
 * instead, since the genuine first delivery of an uninstall would leave nothing to protect.
 */
final class RequestAttacks {

  /** How the request's signature headers are wrong. */
  enum Attack {
    UNSIGNED,
    BADLY_SIGNED,
    /** Signed more than 5 minutes ago. */
    STALE,
    /** Signed for more than 5 minutes from now. */
    FUTURE,
    /** Exactly what Slack sent a moment ago and Rapport handled. */
    REPLAYED,
    /** Signed now, but sent with another method or to another path than POST /slack/events. */
    SIGNED_OFF_ROUTE
  }

  enum Kind { COMMAND, ACTION, VIEW, EVENT }

  /** A path as it goes on the wire, and whether Tomcat maps it to the events servlet. */
  record Route(String path, boolean eventsServlet) {}

  static final List<Route> ROUTES = List.of(
      new Route("/slack/events", true),
      new Route("/slack/events;jsessionid=0123ABCD", true),
      new Route("/slack/%65vents", true),
      new Route("//slack//events", true),
      new Route("/slack/x/../events", true),
      new Route("/slack/events?retry=1", true),
      new Route("/slack/events/", false),
      new Route("/SLACK/EVENTS", false),
      new Route("/slack/install", false),
      new Route("/slack/install/", false),
      new Route("/slack/install;jsessionid=0123ABCD", false),
      new Route("/Slack/Install", false),
      new Route("/slack/oauth_redirect?code=code-T0TEST&state=forged", false),
      new Route("/slack/oauth_redirect/", false),
      new Route("/slack/%6Fauth_redirect", false));

  static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");

  static final String CHANNEL = "C0GATE";
  static final String ADMIN = "U001";
  static final String MEMBER = "U002";

  private final SlackRequests requests;
  private final SlackRequests impostor;
  private final FakeSlack slack;
  private final JedisPooled redis;
  private final Clock clock;
  private final String team;

  RequestAttacks(String appBaseUrl, String team, FakeSlack slack, JedisPooled redis, Clock clock,
                 SlackRequests requests) {
    this.requests = requests;
    this.impostor = new SlackRequests(appBaseUrl, "not-the-signing-secret", slack, clock);
    this.slack = slack;
    this.redis = redis;
    this.clock = clock;
    this.team = team;
  }

  /** A channel with a coffee program, so forged requests have something to change. */
  RequestAttacks withAProgram() {
    slack.workspace(team).channel(CHANNEL, "U", 4);
    slack.workspace(team).user(ADMIN).admin();
    assertThat(requests.command(team, ADMIN, CHANNEL, "/coffee", "start every week on mon at 10:00 tz UTC").text())
        .contains("Coffee pairing is on");
    return this;
  }

  /** Sends every kind of body, signed as {@code attack} says, to every route with every method. */
  void refusedEverywhere(Attack attack) {
    Map<Kind, SlackRequests.Body> bodies = new EnumMap<>(Kind.class);
    Map<Kind, Map<String, String>> delivered = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      SlackRequests.Body body = body(kind, attack);
      bodies.put(kind, body);
      if (attack == Attack.REPLAYED) {
        delivered.put(kind, requests.signed(String.valueOf(clock.instant().getEpochSecond()), body.text()));
        assertThat(requests.send("POST", "/slack/events", body, delivered.get(kind)).status())
            .as("the genuine first delivery of the %s", kind).isEqualTo(200);
      }
    }
    State before = settled();
    List<String> failures = new ArrayList<>();
    for (Route route : ROUTES) {
      for (String method : METHODS) {
        if (attack == Attack.SIGNED_OFF_ROUTE && route.eventsServlet() && method.equals("POST")) {
          continue;
        }
        for (Kind kind : Kind.values()) {
          SlackRequests.Body body = bodies.get(kind);
          Map<String, String> headers = attack == Attack.REPLAYED ? delivered.get(kind) : headers(attack, body);
          SlackRequests.Answer answer = requests.send(method, route.path(), body, headers);
          String what = attack + " " + kind + " " + method + " " + route.path();
          if (answer.status() < 400 || answer.status() > 499) {
            failures.add(what + " -> " + answer.status() + " " + abbreviate(answer.body()));
          }
          if (requestCalls().size() != before.calls() || slack.responded().size() != before.responded()) {
            failures.add(what + " reached Slack: " + requestCalls().subList(before.calls(), requestCalls().size()));
            before = state();
          }
        }
      }
      if (!dump().equals(before.redis())) {
        failures.add(attack + " to " + route.path() + " changed Redis: " + changedKeys(before.redis(), dump()));
        before = state();
      }
    }
    assertThat(failures).as("requests that got in").isEmpty();
    State after = before;
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(state()).as("nothing changed later either").isEqualTo(after));
  }

  private SlackRequests.Body body(Kind kind, Attack attack) {
    return switch (kind) {
      case COMMAND -> requests.commandBody(team, ADMIN, CHANNEL, "/coffee",
          "start every 2 weeks on fri at 15:00 tz UTC");
      case ACTION -> requests.blockActionBody(team, MEMBER, CHANNEL, "pairing_home_pause", CHANNEL);
      case VIEW -> requests.viewSubmissionBody(team, ADMIN, "pairing_settings", CHANNEL, settings());
      case EVENT -> attack == Attack.REPLAYED
          ? requests.eventBody(team, SlackRequests.newEventId(), "AppHomeOpenedPayload", Map.of("type",
              "app_home_opened", "user", MEMBER, "tab", "home", "channel", "D0GATE", "event_ts", "1700000000.000100"))
          : requests.eventBody(team, SlackRequests.newEventId(), "AppUninstalledPayload", Map.of("type",
              "app_uninstalled"));
    };
  }

  /** Signature headers made just now (a second past the window for stale and future ones). */
  private Map<String, String> headers(Attack attack, SlackRequests.Body body) {
    long now = clock.instant().getEpochSecond();
    return switch (attack) {
      case UNSIGNED -> Map.of();
      case BADLY_SIGNED -> impostor.signed(String.valueOf(now), body.text());
      case STALE -> requests.signed(String.valueOf(now - 301), body.text());
      case FUTURE -> requests.signed(String.valueOf(now + 302), body.text());
      case REPLAYED -> throw new IllegalArgumentException("a replay sends what was delivered");
      case SIGNED_OFF_ROUTE -> requests.signed(String.valueOf(now), body.text());
    };
  }

  /** A valid coffee settings form: every two weeks on Thursday at 11:30 UTC, groups of three. */
  private static ObjectNode settings() {
    ObjectNode values = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    Map.of("frequency", "2w", "zone", "UTC", "size", "3", "departments", "NONE")
        .forEach((block, value) -> values.putObject(block).putObject(block).put("type", "static_select")
            .putObject("selected_option").put("value", value));
    values.putObject("time").putObject("time").put("type", "timepicker").put("selected_time", "11:30");
    values.putObject("days").putObject("days").put("type", "checkboxes").putArray("selected_options")
        .addObject().put("value", "THURSDAY");
    values.putObject("options").putObject("options").put("type", "checkboxes").putArray("selected_options");
    return values;
  }

  /** What the app has done so far: every Redis key with its value, and the calls the fake Slack saw. */
  record State(Map<String, String> redis, int calls, int responded) {}

  private State state() {
    return new State(dump(), requestCalls().size(), slack.responded().size());
  }

  /**
   * Web API calls but Socket Mode's connection requests: a Socket Mode client of an earlier test's app may
   * still be reconnecting to the shared fake, and no HTTP request makes that call.
   */
  private List<FakeSlack.Call> requestCalls() {
    return slack.calls().stream().filter(call -> !call.method().equals("apps.connections.open")).toList();
  }

  /** The state once the app has stopped changing it for 300 ms (background work done). */
  private State settled() {
    State[] last = {state()};
    Instant[] since = {Instant.now()};
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
      State now = state();
      if (!now.equals(last[0])) {
        last[0] = now;
        since[0] = Instant.now();
        return false;
      }
      return Duration.between(since[0], Instant.now()).toMillis() >= 300;
    });
    return last[0];
  }

  /**
   * Every key, with its serialized value (DUMP) and whether it expires; but the outbox's Slack budgets, which
   * refill and expire with time (after the program's start announcement went out), not with requests.
   */
  private Map<String, String> dump() {
    Map<String, String> all = new TreeMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      var page = redis.scan(cursor, new ScanParams().count(1000));
      for (String key : page.getResult()) {
        if (key.startsWith("rapport:{outbox}:rate:")) {
          continue;
        }
        byte[] value = redis.dump(key);
        if (value != null) {
          all.put(key, Base64.getEncoder().encodeToString(value) + (redis.pttl(key) >= 0 ? " (expires)" : ""));
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return all;
  }

  private static List<String> changedKeys(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    before.forEach((key, value) -> {
      if (!value.equals(after.get(key))) {
        changed.add(after.containsKey(key) ? "~" + key : "-" + key);
      }
    });
    after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(key -> changed.add("+" + key));
    return changed;
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "..." : body;
  }
}
