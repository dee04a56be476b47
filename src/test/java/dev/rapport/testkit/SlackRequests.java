package dev.rapport.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends slash commands, events and interactive payloads to the running app's {@code /slack/events},
 * built from Slack's sample shapes and signed exactly as Slack signs them (v0 HMAC-SHA256 over
 * {@code v0:timestamp:body}).
 */
public final class SlackRequests {

  /** The header with which the app says that a command's real answer follows on its response_url. */
  static final String LATER = "X-Rapport-Answer";

  /**
   * The app's answer. {@link #later} when the ack said the real answer follows on the response_url (the
   * app's {@code X-Rapport-Answer: later} header): the ack had to wait for nothing that needs Slack.
   */
  public record Answer(int status, String body, java.net.http.HttpHeaders headers) {
    public Answer(int status, String body) {
      this(status, body, java.net.http.HttpHeaders.of(Map.of(), (name, value) -> true));
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** Whether the ack announced that the real answer comes later, on the response_url. */
    public boolean later() {
      return "later".equals(header(LATER));
    }

    public JsonNode json() {
      try {
        return SlackSamples.JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    /** The text of a slash-command or action answer (empty when the ack had no body). */
    public String text() {
      return body == null || body.isBlank() ? "" : json().path("text").asText();
    }
  }

  /** A request body as Slack sends it, before it is signed. */
  public record Body(String contentType, String text) {}

  private static final AtomicLong IDS = new AtomicLong();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String url;
  private final String secret;
  private final FakeSlack slack;
  private final java.time.Clock clock;

  public SlackRequests(String appBaseUrl, String secret, FakeSlack slack) {
    this(appBaseUrl, secret, slack, java.time.Clock.systemUTC());
  }

  /** Signs with {@code clock}'s time: the app's clock, when a test moves it. */
  public SlackRequests(String appBaseUrl, String secret, FakeSlack slack, java.time.Clock clock) {
    this.base = appBaseUrl;
    this.url = appBaseUrl + "/slack/events";
    this.secret = secret;
    this.slack = slack;
    this.clock = clock;
  }

  /**
   * A slash command, e.g. {@code command("T1", "U1", "C1", "/coffee", "help")}, and what its user finally
   * reads: the ack, or, when the ack was a "one moment" whose real answer the app sends to the response_url
   * (it needed Slack, e.g. to check a role it hadn't cached), that answer.
   */
  public Answer command(String team, String user, String channel, String command, String text) {
    Ack ack = commandAck(team, user, channel, command, text);
    Answer answer = ack.answer();
    if (!answer.later() || answer.status() != 200 || answer.text().isEmpty()) {
      return answer;
    }
    // Taken from the fake's record: to the test it is this command's answer, not a later message.
    awaitResponse(ack.responseId());
    return new Answer(200, slack.take(ack.responseId()).orElseThrow().body().toString(),
        java.net.http.HttpHeaders.of(Map.of(LATER, List.of("later")), (name, value) -> true));
  }

  /** A slash command's ack as sent, its response_url id, and how long the ack took. */
  public record Ack(Answer answer, String responseId, Duration took) {}

  /** A slash command; returns its ack as is (see {@link #command} for the answer its user reads). */
  public Ack commandAck(String team, String user, String channel, String command, String text) {
    String id = "cmd-" + IDS.incrementAndGet();
    long start = System.nanoTime();
    Answer answer = command(team, user, channel, command, text, id);
    return new Ack(answer, id, Duration.ofNanos(System.nanoTime() - start));
  }

  /** The first message the app sent to response_url {@code id}, waiting for it. */
  public FakeSlack.Responded awaitResponse(String id) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
        slack.responded().stream().anyMatch(r -> r.id().equals(id)));
    return slack.responded().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * A slash command whose real answer comes later through its response_url (work too slow for the ack):
   * checks the ack, then waits for that answer and returns its text.
   */
  public String commandAnsweredLater(String team, String user, String channel, String command, String text) {
    String id = "cmd-" + IDS.incrementAndGet();
    Answer ack = command(team, user, channel, command, text, id);
    if (ack.status() != 200) {
      throw new AssertionError(command + " " + text + " answered " + ack.status());
    }
    return awaitResponse(id).text();
  }

  private Answer command(String team, String user, String channel, String command, String text, String id) {
    return post(commandBody(team, user, channel, command, text, id));
  }

  /** The body of a slash command, with its own response_url and trigger_id. */
  public Body commandBody(String team, String user, String channel, String command, String text) {
    return commandBody(team, user, channel, command, text, "cmd-" + IDS.incrementAndGet());
  }

  private Body commandBody(String team, String user, String channel, String command, String text, String id) {
    ObjectNode payload = SlackSamples.appBackend("slash-commands/SlashCommandPayload.json");
    payload.put("token", "legacy-unused").put("api_app_id", "ARAPPORT").put("team_id", team)
        .put("team_domain", team.toLowerCase()).put("channel_id", channel).put("channel_name", "general")
        .put("user_id", user).put("user_name", "user-" + user.toLowerCase()).put("command", command)
        .put("text", text).put("response_url", slack.responseUrl(id))
        .put("trigger_id", "trigger-" + IDS.incrementAndGet()).put("is_enterprise_install", false);
    payload.remove("enterprise_id");
    payload.remove("enterprise_name");
    return new Body("application/x-www-form-urlencoded", form(payload));
  }

  /**
   * An Events API delivery built from the sample {@code samplePayload} (e.g. "MessagePayload") with
   * {@code event} fields laid over the sample's event. Sending an {@code eventId} again is a Slack retry:
   * it carries {@code X-Slack-Retry-Num} and, as Slack signs every delivery anew, a later timestamp (the
   * same signed bytes again would be refused as a replay).
   */
  public Answer event(String team, String eventId, String samplePayload, Map<String, ?> event) {
    int retry = deliveries.merge(eventId, 1, Integer::sum) - 1;
    Body body = eventBody(team, eventId, samplePayload, event);
    String timestamp = String.valueOf(clock.instant().getEpochSecond() + retry);
    Map<String, String> headers = new java.util.LinkedHashMap<>(signed(timestamp, body.text()));
    if (retry > 0) {
      headers.put("X-Slack-Retry-Num", String.valueOf(retry));
      headers.put("X-Slack-Retry-Reason", "http_timeout");
    }
    return send("POST", "/slack/events", body, headers);
  }

  private final Map<String, Integer> deliveries = new java.util.concurrent.ConcurrentHashMap<>();

  /** The body of an Events API delivery (see {@link #event}). */
  public Body eventBody(String team, String eventId, String samplePayload, Map<String, ?> event) {
    ObjectNode envelope = SlackSamples.event(samplePayload);
    envelope.put("token", "legacy-unused").put("team_id", team).put("api_app_id", "ARAPPORT")
        .put("type", "event_callback").put("event_id", eventId)
        .put("event_time", clock.instant().getEpochSecond());
    envelope.remove("enterprise_id");
    envelope.remove("authed_users");
    envelope.remove("authed_teams");
    envelope.remove("event_context");
    ArrayNode auths = envelope.putArray("authorizations");
    auths.addObject().put("team_id", team).put("user_id", "UBOT" + team).put("is_bot", true)
        .put("is_enterprise_install", false);
    ObjectNode body = (ObjectNode) envelope.get("event");
    ObjectNode overlay = SlackSamples.JSON.valueToTree(event);
    strip(body, overlay);
    body.setAll(overlay);
    return new Body("application/json", envelope.toString());
  }

  /** A button click ({@code block_actions}) by {@code user} in {@code channel}. */
  public Answer blockAction(String team, String user, String channel, String actionId, String value) {
    return post(blockActionBody(team, user, channel, actionId, value));
  }

  /** The body of a button click (see {@link #blockAction}). */
  public Body blockActionBody(String team, String user, String channel, String actionId, String value) {
    ObjectNode payload = SlackSamples.appBackend("interactive-components/BlockActionPayload.json");
    for (String unused : new String[] {"enterprise", "view", "state", "app_unfurl", "function_data",
        "interactivity", "bot_access_token", "message"}) {
      payload.remove(unused);
    }
    payload.put("type", "block_actions").put("api_app_id", "ARAPPORT").put("token", "legacy-unused")
        .put("trigger_id", "trigger-" + IDS.incrementAndGet())
        .put("response_url", slack.responseUrl("action-" + IDS.incrementAndGet()))
        .put("is_enterprise_install", false);
    payload.putObject("team").put("id", team).put("domain", team.toLowerCase());
    payload.putObject("user").put("id", user).put("username", "user-" + user.toLowerCase())
        .put("name", "user-" + user.toLowerCase()).put("team_id", team);
    payload.putObject("channel").put("id", channel).put("name", "c");
    payload.putObject("container").put("type", "message").put("message_ts", "1700000000.000001")
        .put("channel_id", channel).put("is_ephemeral", false);
    payload.putObject("message").put("type", "message").put("ts", "1700000000.000001").put("text", "");
    ObjectNode action = payload.putArray("actions").addObject();
    action.put("action_id", actionId).put("block_id", "b-" + actionId).put("value", value)
        .put("type", "button").put("action_ts", String.valueOf(Instant.now().getEpochSecond()));
    action.putObject("text").put("type", "plain_text").put("text", actionId);
    return new Body("application/x-www-form-urlencoded", "payload=" + enc(payload.toString()));
  }

  /**
   * A modal submission: {@code values} is the view state, {@code block_id -> action_id -> value
   * object} (e.g. {@code {"type":"static_select","selected_option":{"value":"4"}}}).
   */
  public Answer viewSubmission(String team, String user, String callbackId, String privateMetadata,
                               ObjectNode values) {
    return post(viewSubmissionBody(team, user, callbackId, privateMetadata, values));
  }

  /** The body of a modal submission (see {@link #viewSubmission}). */
  public Body viewSubmissionBody(String team, String user, String callbackId, String privateMetadata,
                                 ObjectNode values) {
    ObjectNode payload = SlackSamples.appBackend("views/ViewSubmissionPayload.json");
    for (String unused : new String[] {"enterprise", "function_data", "interactivity",
        "bot_access_token"}) {
      payload.remove(unused);
    }
    payload.put("type", "view_submission").put("api_app_id", "ARAPPORT").put("token", "legacy-unused")
        .put("trigger_id", "trigger-" + IDS.incrementAndGet()).put("is_enterprise_install", false);
    payload.putObject("team").put("id", team).put("domain", team.toLowerCase());
    payload.putObject("user").put("id", user).put("username", "user-" + user.toLowerCase())
        .put("name", "user-" + user.toLowerCase()).put("team_id", team);
    ObjectNode view = payload.putObject("view");
    view.put("id", "V" + IDS.incrementAndGet()).put("team_id", team).put("type", "modal")
        .put("callback_id", callbackId).put("private_metadata", privateMetadata == null ? "" : privateMetadata)
        .put("hash", "h").put("app_id", "ARAPPORT").put("bot_id", "B" + team)
        .put("app_installed_team_id", team);
    view.putObject("title").put("type", "plain_text").put("text", "Rapport");
    view.putArray("blocks");
    view.putObject("state").set("values", values);
    return new Body("application/x-www-form-urlencoded", "payload=" + enc(payload.toString()));
  }

  /** Posts {@code body} to /slack/events, signed now (by the clock this client was given). */
  public Answer post(Body body) {
    return post(body.contentType(), body.text(), clock.instant().getEpochSecond());
  }

  /** Posts a raw body, signed for {@code timestamp}. */
  public Answer post(String contentType, String body, long timestamp) {
    return postRaw(contentType, body, String.valueOf(timestamp), sign(String.valueOf(timestamp), body));
  }

  /** Posts a raw body with exactly these signature headers (null leaves a header out). */
  public Answer postRaw(String contentType, String body, String timestamp, String signature) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    if (timestamp != null) {
      headers.put("X-Slack-Request-Timestamp", timestamp);
    }
    if (signature != null) {
      headers.put("X-Slack-Signature", signature);
    }
    return send("POST", "/slack/events", new Body(contentType, body), headers);
  }

  /** Slack's two signature headers for {@code body} sent at {@code timestamp}. */
  public Map<String, String> signed(String timestamp, String body) {
    return Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", sign(timestamp, body));
  }

  /**
   * Sends {@code body} with any HTTP method to any path of the app ({@code path} as it goes on the wire:
   * encoded, with path parameters or a query), with exactly {@code headers} besides Content-Type.
   */
  public Answer send(String method, String path, Body body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", body.contentType())
        .method(method, HttpRequest.BodyPublishers.ofString(body.text(), StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String sign(String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long now() {
    return Instant.now().getEpochSecond();
  }

  public static String newEventId() {
    return "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }

  /** Slash-command form body from the sample's fields. */
  static String form(ObjectNode payload) {
    StringJoiner form = new StringJoiner("&");
    Iterator<Map.Entry<String, JsonNode>> fields = payload.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      form.add(enc(field.getKey()) + "=" + enc(field.getValue().asText()));
    }
    return form.toString();
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Drops the sample's masked sub-objects that the overlay does not set, so they don't mislead. */
  private static void strip(ObjectNode sampleEvent, ObjectNode overlay) {
    Iterator<Map.Entry<String, JsonNode>> fields = sampleEvent.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!overlay.has(field.getKey()) && !field.getKey().equals("type")
          && (field.getValue().isContainerNode() || field.getValue().asText().isEmpty())) {
        fields.remove();
      }
    }
  }
}
