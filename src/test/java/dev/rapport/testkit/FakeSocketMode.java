package dev.rapport.testkit;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's side of Socket Mode: a WebSocket server the app connects to (the fake's
 * {@code apps.connections.open} hands out its URL). It says hello, sends envelopes and collects the acks.
 */
public final class FakeSocketMode extends WebSocketServer {

  private final CountDownLatch connected = new CountDownLatch(1);
  private final Map<String, CompletableFuture<JsonNode>> acks = new ConcurrentHashMap<>();
  private volatile WebSocket app;

  public FakeSocketMode() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
  }

  public static FakeSocketMode startOn(FakeSlack slack) throws InterruptedException {
    FakeSocketMode server = new FakeSocketMode();
    server.start();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> server.getPort() != 0);
    slack.on("apps.connections.open", call -> {
      ObjectNode node = SlackSamples.apiResponse("apps.connections.open");
      node.put("url", "ws://127.0.0.1:" + server.getPort() + "/link");
      return node;
    });
    return server;
  }

  public boolean awaitConnection(long seconds) throws InterruptedException {
    return connected.await(seconds, TimeUnit.SECONDS);
  }

  /** Sends a slash command envelope and waits for the app's ack payload. */
  public JsonNode slashCommand(String team, String user, String channel, String command, String text)
      throws Exception {
    ObjectNode payload = SlackSamples.appBackend("slash-commands/SlashCommandPayload.json");
    payload.put("team_id", team).put("user_id", user).put("channel_id", channel).put("command", command)
        .put("text", text).put("api_app_id", "ARAPPORT").put("trigger_id", "t-" + UUID.randomUUID())
        .put("response_url", "http://127.0.0.1:1/unused");
    payload.remove("enterprise_id");
    payload.remove("enterprise_name");
    String envelopeId = UUID.randomUUID().toString();
    ObjectNode envelope = SlackSamples.JSON.createObjectNode();
    envelope.put("type", "slash_commands").put("envelope_id", envelopeId)
        .put("accepts_response_payload", true).set("payload", payload);
    CompletableFuture<JsonNode> ack = new CompletableFuture<>();
    acks.put(envelopeId, ack);
    app.send(envelope.toString());
    return ack.get(10, TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    app = conn;
    conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"ARAPPORT\"}}");
    connected.countDown();
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    try {
      JsonNode ack = SlackSamples.JSON.readTree(message);
      CompletableFuture<JsonNode> waiting = acks.remove(ack.path("envelope_id").asText());
      if (waiting != null) {
        waiting.complete(ack.path("payload"));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    // the app went away; tests notice through their own waits
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    // surfaced through timeouts in the test
  }

  @Override
  public void onStart() {
    // ready
  }
}
