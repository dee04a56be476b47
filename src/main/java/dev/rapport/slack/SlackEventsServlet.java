package dev.rapport.slack;

import com.google.gson.Gson;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt on {@code /slack/events}, with the answers Slack and users should get when something fails:
 * a malformed body is a 400, a slash command always gets a friendly ephemeral message (never a 500 or
 * a stack trace), and other requests get 503 so Slack retries them later.
 */
final class SlackEventsServlet extends HttpServlet {

  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

  private static final Gson GSON = new Gson();

  private final transient App app;
  private final transient SlackAppServletAdapter adapter;

  SlackEventsServlet(App app) {
    this.app = app;
    this.adapter = new SlackAppServletAdapter(app.config()) {
      @Override
      protected String doReadRequestBodyAsString(HttpServletRequest req) throws IOException {
        // Bolt's default joins lines with the platform separator, which would alter the body.
        return new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      }
    };
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    doPost(req, resp);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Request<?> slackRequest;
    try {
      slackRequest = adapter.buildSlackRequest(req);
    } catch (RuntimeException e) {
      // Bolt's parser throws assorted runtime exceptions on bodies that aren't what Slack sends.
      write(resp, 400, "{\"ok\":false,\"error\":\"malformed request body\"}");
      return;
    }
    if (slackRequest == null) {
      write(resp, 400, "{\"ok\":false,\"error\":\"not a Slack request\"}");
      return;
    }
    try {
      adapter.writeResponse(resp, app.run(slackRequest));
    } catch (Exception e) {
      String text = Failures.describe("request " + slackRequest.getRequestType(), e);
      if (slackRequest.getRequestType() == RequestType.Command) {
        adapter.writeResponse(resp, Response.json(200,
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
