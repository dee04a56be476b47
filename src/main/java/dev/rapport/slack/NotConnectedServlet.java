package dev.rapport.slack;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Answers on /slack/events while no Slack credentials are set, saying how to connect. */
final class NotConnectedServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setStatus(503);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write("{\"ok\":false,\"error\":\"not_connected\",\"message\":\""
        + StartupReport.HOW_TO_CONNECT + "\"}");
  }
}
