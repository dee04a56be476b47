package dev.rapport.dashboard;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The dashboard's two cookies, both HttpOnly, SameSite=Lax (sent on the top-level return from Slack, never on
 * another site's form or image), Secure behind HTTPS, and scoped to {@code /dashboard}.
 */
final class Cookies {

  static final String SESSION = "rapport_session";
  static final String SIGN_IN = "rapport_signin";
  static final String PATH = "/dashboard";

  private Cookies() {}

  static void set(HttpServletResponse response, String name, String value, Duration maxAge, boolean secure) {
    response.addHeader("Set-Cookie", ResponseCookie.from(name, value).httpOnly(true).secure(secure).sameSite("Lax")
        .path(PATH).maxAge(maxAge).build().toString());
  }

  static void clear(HttpServletResponse response, String name, boolean secure) {
    set(response, name, "", Duration.ZERO, secure);
  }

  static String read(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }
}
