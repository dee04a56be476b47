package dev.rapport.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import dev.rapport.store.Keys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Slack retries an event delivery it thinks failed; an {@code event_id} seen before is acknowledged and
 * not handled again.
 * <pre>
 * rapport:{team}:events:seen:{event_id}   STRING  "1", expires after {@link #REMEMBER} (Slack retries for
 *                                                 well under an hour)
 * </pre>
 */
final class EventDedupe implements Middleware {

  static final Duration REMEMBER = Duration.ofHours(2);

  private final UnifiedJedis redis;
  private final MeterRegistry metrics;

  EventDedupe(UnifiedJedis redis, MeterRegistry metrics) {
    this.redis = redis;
    this.metrics = metrics;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.getRequestType() != RequestType.Event) {
      return chain.next(req);
    }
    JsonObject payload = JsonParser.parseString(req.getRequestBodyAsString()).getAsJsonObject();
    String type = eventType(payload);
    String eventId = string(payload, "event_id");
    String team = req.getContext().getTeamId();
    if (eventId == null || team == null) {
      metrics.counter("rapport.slack.events", "type", type, "outcome", "handled").increment();
      return chain.next(req);
    }
    String first = redis.set(Keys.team(team, "events", "seen", eventId), "1",
        SetParams.setParams().nx().ex(REMEMBER.toSeconds()));
    if (first == null) {
      metrics.counter("rapport.slack.events", "type", type, "outcome", "duplicate").increment();
      return Response.ok();
    }
    metrics.counter("rapport.slack.events", "type", type, "outcome", "handled").increment();
    return chain.next(req);
  }

  private static String eventType(JsonObject payload) {
    JsonElement event = payload.get("event");
    return event != null && event.isJsonObject() ? String.valueOf(string(event.getAsJsonObject(), "type"))
        : "unknown";
  }

  private static String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
