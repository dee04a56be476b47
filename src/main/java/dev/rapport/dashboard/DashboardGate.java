package dev.rapport.dashboard;

import dev.rapport.insights.Insights;
import dev.rapport.people.Profile;
import dev.rapport.people.Profiles;
import dev.rapport.slack.AccessPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Every dashboard request passes here before a page runs (one check, not one per page): security headers on
 * every answer; sign-in pages and the stylesheet pass; everything else needs a session (a page without one is
 * sent to sign in; so is someone Slack says is deactivated, ending their session)
 * and every POST the session's CSRF token in {@code _csrf} (403 otherwise, nothing changed).
 * Only {@code /dashboard/**} is mapped here, and it reads forms only: never a Slack request.
 */
@Configuration(proxyBeanMethods = false)
class DashboardGate implements WebMvcConfigurer {

  static final String CSRF_FIELD = "_csrf";

  private final Sessions sessions;
  private final AccessPolicy access;
  private final Insights insights;
  private final Profiles profiles;
  private final ITemplateEngine templates;

  DashboardGate(Sessions sessions, AccessPolicy access, Insights insights, Profiles profiles,
                ITemplateEngine templates) {
    this.sessions = sessions;
    this.access = access;
    this.insights = insights;
    this.profiles = profiles;
    this.templates = templates;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
          throws IOException {
        return admit(request, response);
      }
    }).addPathPatterns("/dashboard", "/dashboard/**");
  }

  boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
    headers(response);
    String path = request.getServletPath();
    if (path.equals(SignInWithSlack.PAGE) || path.equals(SignInWithSlack.START)
        || path.equals(SignInWithSlack.CALLBACK) || path.equals("/dashboard/signed-out")
        || path.equals("/dashboard/dashboard.css")) {
      return true;
    }
    String cookie = Cookies.read(request, Cookies.SESSION);
    Optional<Sessions.Session> session = sessions.find(cookie);
    Profile profile = session.map(s -> profile(s.team(), s.user())).orElse(null);
    if (profile != null && profile.deleted()) {
      // Deactivated in Slack (someone who left): the session ends at their next page, not 8 hours later.
      sessions.end(cookie);
      session = Optional.empty();
    }
    boolean post = "POST".equals(request.getMethod());
    if (session.isEmpty()) {
      if (post) {
        refuse(response, 403, "You're signed out, so nothing changed. Sign in again and retry.");
      } else {
        response.sendRedirect(SignInWithSlack.PAGE);
      }
      return false;
    }
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
        && !Sessions.sameToken(session.get().csrf(), request.getParameter(CSRF_FIELD))) {
      refuse(response, 403, "This form didn't come from your dashboard page (or the page is too old), so "
          + "nothing changed. Reload the page and try again.");
      return false;
    }
    String team = session.get().team();
    String user = session.get().user();
    boolean admin = access.isAdmin(team, user);
    String name = profile == null || profile.name() == null ? user : profile.name();
    request.setAttribute(Viewer.ATTRIBUTE, new Viewer(team, user, name, admin,
        insights.pulseTeams(team, user, false), session.get().csrf()));
    return true;
  }

  /** The person as Slack last described them, or null when Slack can't say just now. */
  private Profile profile(String team, String user) {
    try {
      return profiles.get(team, user);
    } catch (Exception e) {
      return null;
    }
  }

  /** No framing, no outside scripts or styles, no sniffing, no caching of personal pages, no referrer out. */
  private static void headers(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
  }

  /** The refusal as the dashboard's own error page (the template escapes the text). */
  private void refuse(HttpServletResponse response, int status, String text) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    templates.process("dashboard/error", new Context(Locale.ENGLISH, Map.of("title", "Nothing changed",
        "text", text, "page", "")), response.getWriter());
  }
}
