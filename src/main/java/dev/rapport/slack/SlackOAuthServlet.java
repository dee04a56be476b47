package dev.rapport.slack;

import com.slack.api.app_backend.oauth.payload.VerificationCodePayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.request.builtin.OAuthStartRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser step of a multi-workspace install: "Add to Slack" ({@code /slack/install}, Bolt's OAuth
 * start: a state cookie and a redirect to Slack) or Slack's redirect back ({@code /slack/oauth_redirect},
 * Bolt's OAuth callback: state checked, code exchanged, installation saved). Only GET; the request type
 * is fixed by the step, never read from a body (Bolt's own servlet decides it from the body first, so a
 * command body sent to these paths would run as a command).
 */
final class SlackOAuthServlet extends HttpServlet {

  /** Which step a servlet serves. */
  enum Step { START, CALLBACK }

  private static final Logger log = LoggerFactory.getLogger(SlackOAuthServlet.class);

  private final transient App app;
  private final Step step;

  SlackOAuthServlet(App app, Step step) {
    this.app = app;
    this.step = step;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"GET".equals(req.getMethod())) {
      // The request gate answers this first; kept so the servlet is safe on its own.
      resp.setHeader("Allow", "GET");
      resp.sendError(405);
      return;
    }
    RequestHeaders headers = new RequestHeaders(ServletAdapterOps.toHeaderMap(req));
    Request<?> request;
    if (step == Step.START) {
      request = new OAuthStartRequest("", headers);
    } else {
      Map<String, List<String>> query = query(req);
      request = new OAuthCallbackRequest(query, "", VerificationCodePayload.from(query), headers);
    }
    request.updateContext(app.config());
    request.setClientIpAddress(req.getRemoteAddr());
    try {
      ServletAdapterOps.writeResponse(resp, app.run(request));
    } catch (Exception e) {
      log.warn("OAuth {} failed: {}", step, e.getClass().getSimpleName());
      resp.setStatus(503);
      resp.setContentType("text/plain; charset=utf-8");
      resp.getWriter().write("Rapport can't finish the installation right now. Please try again in a minute.");
    }
  }

  /** The query parameters (Tomcat parses only the query string of a GET), in mutable lists as Bolt expects. */
  private static Map<String, List<String>> query(HttpServletRequest req) {
    Map<String, List<String>> query = new HashMap<>();
    req.getParameterMap().forEach((name, values) -> query.put(name, new ArrayList<>(List.of(values))));
    return query;
  }
}
