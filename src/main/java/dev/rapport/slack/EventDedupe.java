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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import dev.rapport.store.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Slack retries an event delivery it thinks failed; an {@code event_id} seen before is acknowledged and
 * not handled again. An event whose handling failed (we answer 503) is forgotten, so Slack's retry of it
 * is handled. Over HTTP the request gate has decided this already, in the same round trip as its replay
 * check ({@link Replays}), and says so in the request's context ({@link #CHECKED}); this middleware then
 * only counts. Socket Mode deliveries never pass the gate and are decided here.
 * <pre>
 * rapport:{team}:events:seen:{event_id}   STRING  "1" (Socket Mode) or the let-in delivery's signature
 *                                                 digest and mark (HTTP, {@link Replays}), expires after
 *                                                 {@link #REMEMBER}
 *                                                 (Slack retries for well under an hour)
 * </pre>
 */
final class EventDedupe implements Middleware {

  static final Duration REMEMBER = Duration.ofHours(2);
  /** Key in a Bolt request's context: what the gate found ({@link Replays.Seen}: FIRST or REDELIVERED). */
  static final String CHECKED = "rapport.event-checked";

  private static final Logger log = LoggerFactory.getLogger(EventDedupe.class);
  private static final Set<String> WANTED = Set.of("event_id", "team_id", "type");

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
    String checked = req.getContext().getAdditionalValues().get(CHECKED);
    if (checked != null) {
      boolean again = checked.equals(Replays.Seen.REDELIVERED.name());
      metrics.counter("rapport.slack.events", "type", type, "outcome", again ? "duplicate" : "handled").increment();
      return again ? Response.ok() : chain.next(req); // the gate forgets the event if we answer 5xx
    }
    String eventId = eventId(req.getRequestBodyAsString());
    String team = req.getContext().getTeamId();
    if (eventId == null || team == null) {
      metrics.counter("rapport.slack.events", "type", type, "outcome", "handled").increment();
      return chain.next(req);
    }
    String key = key(team, eventId);
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

  static String key(String team, String eventId) {
    return Keys.team(team, "events", "seen", eventId);
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
    return topLevel(body).get("event_id");
  }

  /** An event delivery's workspace and id, both top-level in its body; null if it isn't one. */
  static Replays.EventId event(String body) {
    Map<String, String> fields = topLevel(body);
    String team = fields.get("team_id");
    String id = fields.get("event_id");
    return team == null || id == null || !"event_callback".equals(fields.get("type")) ? null
        : new Replays.EventId(team, id);
  }

  /** The top-level string fields the dedupe needs, read by streaming (no tree of the whole payload). */
  private static Map<String, String> topLevel(String body) {
    Map<String, String> fields = new HashMap<>();
    if (body.isEmpty() || body.charAt(0) != '{') {
      return fields; // a form (commands, interactions)
    }
    try (JsonReader reader = new JsonReader(new StringReader(body))) {
      reader.beginObject();
      while (reader.hasNext() && fields.size() < WANTED.size()) {
        String name = reader.nextName();
        if (WANTED.contains(name) && reader.peek() == JsonToken.STRING) {
          fields.putIfAbsent(name, reader.nextString());
        } else {
          reader.skipValue();
        }
      }
    } catch (IOException | IllegalStateException | NumberFormatException notJson) {
      return Map.of();
    }
    return fields;
  }
}
