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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Slack retries an event delivery it thinks failed; an {@code event_id} seen before is acknowledged and
 * not handled again. An event whose handling failed (we answer 503) is forgotten, so Slack's retry of it
 * is handled.
 * <pre>
 * rapport:{team}:events:seen:{event_id}   STRING  "1", expires after {@link #REMEMBER} (Slack retries for
 *                                                 well under an hour)
 * </pre>
 */
final class EventDedupe implements Middleware {

  static final Duration REMEMBER = Duration.ofHours(2);

  private static final Logger log = LoggerFactory.getLogger(EventDedupe.class);

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
    String key = Keys.team(team, "events", "seen", eventId);
    String first = redis.set(key, "1", SetParams.setParams().nx().ex(REMEMBER.toSeconds()));
    if (first == null) {
      metrics.counter("rapport.slack.events", "type", type, "outcome", "duplicate").increment();
      return Response.ok();
    }
    metrics.counter("rapport.slack.events", "type", type, "outcome", "handled").increment();
    Response handled;
    try {
      handled = chain.next(req);
    } catch (Exception e) {
      forget(key);
      throw e;
    }
    if (handled.getStatusCode() >= 500) {
      forget(key);
    }
    return handled;
  }

  /** The event wasn't handled (we answer 5xx, so Slack retries it): its retry must not count as seen. */
  private void forget(String key) {
    try {
      redis.del(key);
    } catch (JedisException e) {
      log.warn("Redis unavailable ({}): a failed event stays marked as seen", e.getClass().getSimpleName());
    }
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
