package dev.rapport.slack;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The one way in over HTTP: every request passes here, whatever its method or path, and is judged by the
 * servlet Tomcat mapped it to (so {@code ;jsessionid=}, encoded, doubled or dotted path variants are judged
 * like the path they resolve to).
 * <ul>
 * <li>Bolt on {@code /slack/events}: POST only (405 otherwise); a body over 1 MiB gets 413, read no
 * further; a missing or wrong signature, or a timestamp more than 5 minutes from now either way, gets 401;
 * signed bytes already let in get 409 ({@link Replays}; an event delivery is judged by its event_id in the
 * same round trip: Slack's retry of one let in before is acknowledged, not handled again). Only then does the
 * servlet get the verified body.
 * <li>The OAuth install and redirect pages: GET without a body only (405, 400 otherwise); they never
 * read one.
 * <li>Any other path under {@code /slack} (any case): 404. Everything else (actuator): bodies over 1 MiB
 * get 413, and a body without a length can't be read past 1 MiB.
 * </ul>
 * Socket Mode requests come over the app-token websocket, not over HTTP, and never pass here.
 */
final class RequestGate extends HttpFilter {

  static final int MAX_BODY_BYTES = CappedRequest.MAX_BODY_BYTES;

  /** Request attribute holding the verified body; servlets can't set it, clients can't either. */
  private static final String VERIFIED_BODY = RequestGate.class.getName() + ".body";

  /** Request attribute: for an event delivery, what {@link Replays} found (FIRST or REDELIVERED). */
  private static final String EVENT_SEEN = RequestGate.class.getName() + ".event";

  private static final Logger log = LoggerFactory.getLogger(RequestGate.class);

  private final Signatures signatures;
  private final Replays replays;
  private final MeterRegistry metrics;

  /** {@code signatures} is null when no signing secret is set: /slack/events then only says so. */
  RequestGate(Signatures signatures, Replays replays, MeterRegistry metrics) {
    this.signatures = signatures;
    this.replays = replays;
    this.metrics = metrics;
  }

  /** For a verified event delivery, whether it is new or Slack's retry of one let in before; else null. */
  static Replays.Seen eventSeen(HttpServletRequest request) {
    return request.getAttribute(EVENT_SEEN) instanceof Replays.Seen seen ? seen : null;
  }

  /** The body the gate verified for this request, or null if it didn't verify one. */
  static byte[] verifiedBody(HttpServletRequest request) {
    return request.getAttribute(VERIFIED_BODY) instanceof byte[] body ? body : null;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    request.removeAttribute(VERIFIED_BODY);
    request.removeAttribute(EVENT_SEEN);
    String servlet = servletName(request);
    if (SlackWiring.EVENTS_SERVLET.equals(servlet)) {
      events(request, response, chain);
    } else if (SlackWiring.INSTALL_SERVLET.equals(servlet) || SlackWiring.REDIRECT_SERVLET.equals(servlet)) {
      oauth(request, response, chain);
    } else if (inSlackNamespace(path(request))) {
      refuse(response, 404, "not_found", "No such Slack endpoint.", "path");
    } else if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      refuse(response, 413, "too_large", "Request bodies are limited to 1 MiB.", "too_large");
    } else {
      chain.doFilter(new CappedRequest(request), response);
    }
  }

  private void events(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      refuse(response, 405, "method_not_allowed", "Slack requests are POSTed to this endpoint.", "method");
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      refuse(response, 413, "too_large", "request body larger than 1 MiB", "too_large");
      return;
    }
    if (signatures == null) {
      chain.doFilter(request, response); // not connected: the servlet says how to connect, reads nothing
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      refuse(response, 413, "too_large", "request body larger than 1 MiB", "too_large");
      return;
    }
    Signatures.Verdict verdict = signatures.check(request.getHeader("X-Slack-Request-Timestamp"),
        request.getHeader("X-Slack-Signature"), body);
    if (!verdict.trusted()) {
      log.info("Refused a request to {}: {}", request.getRequestURI(), verdict.problem());
      refuse(response, 401, "invalid_signature", verdict.problem(), "signature");
      return;
    }
    Replays.EventId event = EventDedupe.event(new String(body, StandardCharsets.UTF_8));
    Replays.Seen seen;
    try {
      seen = replays.check(verdict.signature(), verdict.timestamp(), event);
    } catch (JedisException e) {
      log.warn("Redis unavailable ({}): an event is answered 503, Slack delivers it again later",
          e.getClass().getSimpleName());
      refuse(response, 503, "unavailable", "Temporarily unavailable, retry later.", "unavailable");
      return;
    }
    if (seen == Replays.Seen.REPLAYED) {
      log.info("Refused a replayed request to {}", request.getRequestURI());
      refuse(response, 409, "replayed", "This signed request was already handled.", "replayed");
      return;
    }
    request.setAttribute(VERIFIED_BODY, body);
    if (event != null) {
      request.setAttribute(EVENT_SEEN, seen);
    }
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = response.getStatus() >= 500;
    } finally {
      if (failed && seen == Replays.Seen.FIRST) {
        replays.forget(verdict.signature(), event); // not handled: Slack's retry must get in
      }
    }
  }

  private void oauth(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"GET".equals(request.getMethod())) {
      response.setHeader("Allow", "GET");
      refuse(response, 405, "method_not_allowed", "This page is opened in a browser.", "method");
    } else if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
      refuse(response, 400, "unexpected_body", "This page takes no request body.", "oauth_body");
    } else {
      chain.doFilter(request, response);
    }
  }

  private static String servletName(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    return mapping == null ? "" : mapping.getServletName();
  }

  private static boolean inSlackNamespace(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.equals("/slack") || lower.startsWith("/slack/");
  }

  /** The path as Tomcat resolved it (decoded, normalized, without path parameters). */
  private static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }

  private void refuse(HttpServletResponse response, int status, String error, String message, String reason)
      throws IOException {
    metrics.counter("rapport.slack.requests.refused", "reason", reason).increment();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"ok\":false,\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
  }
}
