package dev.rapport.slack;

import com.google.gson.Gson;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt on {@code /slack/events}, fed only with the body the {@link RequestGate} verified, with the answers
 * Slack and users should get when something fails: a malformed body is a 400, a slash command always gets
 * a friendly ephemeral message (never a 500 or a stack trace), and other requests get 503 so Slack retries
 * them later.
 */
final class SlackEventsServlet extends HttpServlet {

  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

  private static final Gson GSON = new Gson();

  /** Browser steps of an install: served by {@link SlackOAuthServlet}, never built from a body here. */
  private static final Set<RequestType> NOT_FROM_SLACK = Set.of(RequestType.OAuthStart, RequestType.OAuthCallback);

  private final transient App app;
  private final transient SlackRequestParser parser;

  SlackEventsServlet(App app) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    byte[] body = RequestGate.verifiedBody(req);
    if (body == null || !"POST".equals(req.getMethod())) {
      // Only the gate hands over a verified body; reaching here without one means a mapping bypassed it.
      write(resp, 401, "{\"ok\":false,\"error\":\"unverified request\"}");
      return;
    }
    Request<?> slackRequest;
    try {
      String text = new String(body, StandardCharsets.UTF_8);
      RequestHeaders headers = new RequestHeaders(ServletAdapterOps.toHeaderMap(req));
      slackRequest = SharedGsonBlockAction.parse(text, headers);
      if (slackRequest == null) {
        slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
            .requestUri(SlackWiring.EVENTS_PATH)
            .queryString(Map.of())
            .headers(headers)
            .requestBody(text)
            .remoteAddress(req.getRemoteAddr())
            .build());
      }
    } catch (RuntimeException e) {
      // Bolt's parser throws assorted runtime exceptions on bodies that aren't what Slack sends.
      write(resp, 400, "{\"ok\":false,\"error\":\"malformed request body\"}");
      return;
    }
    if (slackRequest == null || NOT_FROM_SLACK.contains(slackRequest.getRequestType())) {
      write(resp, 400, "{\"ok\":false,\"error\":\"not a Slack request\"}");
      return;
    }
    Replays.Seen seen = RequestGate.eventSeen(req);
    if (seen != null && slackRequest.getRequestType() == RequestType.Event) {
      slackRequest.getContext().getAdditionalValues().put(EventDedupe.CHECKED, seen.name());
    }
    try {
      ServletAdapterOps.writeResponse(resp, app.run(slackRequest));
    } catch (Exception e) {
      String text = Failures.describe("request " + slackRequest.getRequestType(), e);
      if (slackRequest.getRequestType() == RequestType.Command) {
        ServletAdapterOps.writeResponse(resp, Response.json(200,
            "{\"response_type\":\"ephemeral\",\"text\":" + GSON.toJson(text) + "}"));
      } else {
        log.debug("answering 503 so Slack retries");
        write(resp, 503, "{\"ok\":false,\"error\":\"temporarily unavailable, retry later\"}");
      }
    }
  }

  private static void write(HttpServletResponse resp, int status, String json) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(json);
  }
}
