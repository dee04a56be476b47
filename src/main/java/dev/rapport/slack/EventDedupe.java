package dev.rapport.slack;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.StringReader;
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
    // Bolt parsed the event already (its type); the id is read by streaming over the body, not by building
    // a second tree of the whole payload per event.
    String type = req instanceof EventRequest event && event.getEventType() != null ? event.getEventType()
        : "unknown";
    String eventId = eventId(req.getRequestBodyAsString());
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

  /** The top-level {@code event_id}, or null (absent, or not a JSON object). */
  static String eventId(String body) {
    try (JsonReader reader = new JsonReader(new StringReader(body))) {
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("event_id") && reader.peek() == JsonToken.STRING) {
          return reader.nextString();
        }
        reader.skipValue();
      }
      return null;
    } catch (IOException | IllegalStateException | NumberFormatException notJson) {
      return null;
    }
  }
}
