package dev.rapport.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.Interceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ack path: a thread handling a Slack request (command, action, view submission, event) until its ack
 * is returned. Slack waits 3 seconds for the ack, so nothing on this path may talk to Slack, whose answers
 * can take as long as they like. Two parts make that a property of the app rather than of each handler:
 * <ul>
 *   <li>{@link #middleware}, first in the Bolt chain (HTTP and Socket Mode alike), marks the thread for
 *       the whole request, Bolt's own middleware included;</li>
 *   <li>{@link #guard}, an interceptor on the one HTTP client every Web API and {@code response_url}
 *       call goes through, refuses any call from a marked thread: it fails at once, loudly (an error in the
 *       log and the {@code rapport.slack.ack.path.violations} counter, which tests watch), instead of
 *       making the ack late.</li>
 * </ul>
 * What needs Slack is answered later, through {@link AnswerLater} (or, with no one waiting for an answer,
 * {@link BackgroundWork}). OAuth start and callback are no Slack requests to ack, so they aren't marked.
 */
public final class AckPath {

  private static final Logger log = LoggerFactory.getLogger(AckPath.class);
  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private AckPath() {}

  /** Whether this thread is handling a Slack request whose ack hasn't been returned yet. */
  public static boolean active() {
    return ACTIVE.get() != null;
  }

  /** Thrown by {@link #guard} for a Slack call on the ack path: a bug, never a condition to handle. */
  public static final class SlackCallOnAckPath extends IllegalStateException {
    SlackCallOnAckPath(String what) {
      super("Slack call (" + what + ") on the ack path: it could make the ack late. Answer later instead "
          + "(AnswerLater)");
    }
  }

  /** Marks the thread for the rest of the chain and the handler. */
  static Middleware middleware() {
    return new Marker();
  }

  /** Refuses every HTTP call to Slack made from the ack path. */
  static Interceptor guard(MeterRegistry metrics) {
    return chain -> {
      if (active()) {
        String what = what(chain.request().url());
        metrics.counter("rapport.slack.ack.path.violations", "method", what).increment();
        SlackCallOnAckPath e = new SlackCallOnAckPath(what);
        log.error("{}", e.getMessage(), e);
        throw e;
      }
      return chain.proceed(chain.request());
    };
  }

  /** The Web API method, or "response_url" (whose path is a secret of its own, never logged). */
  private static String what(okhttp3.HttpUrl url) {
    var segments = url.pathSegments();
    int api = segments.indexOf("api");
    return api >= 0 && api + 1 < segments.size() ? segments.get(api + 1) : "response_url";
  }

  private static final class Marker implements Middleware {
    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
      RequestType type = req.getRequestType();
      if (type == RequestType.OAuthStart || type == RequestType.OAuthCallback || active()) {
        return chain.next(req);
      }
      ACTIVE.set(Boolean.TRUE);
      try {
        return chain.next(req);
      } finally {
        ACTIVE.remove();
      }
    }
  }
}
