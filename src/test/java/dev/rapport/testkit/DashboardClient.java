package dev.rapport.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's part in the dashboard over plain HTTP: it keeps cookies, never follows a redirect by itself (so
 * tests see each one), and signs in through the fake Slack's OpenID Connect pages as a browser would.
 */
public final class DashboardClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** One answer: status, body, the Location header and every Set-Cookie header. */
  public record Page(int status, String body, String location, List<String> setCookies) {

    /** The CSRF token the page's forms carry. */
    public String csrf() {
      Matcher m = CSRF.matcher(body);
      if (!m.find()) {
        throw new AssertionError("no form token on the page: " + body);
      }
      return m.group(1);
    }
  }

  private final String appUrl;
  private final FakeSlack slack;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public DashboardClient(String appUrl, FakeSlack slack) {
    this.appUrl = appUrl;
    this.slack = slack;
  }

  /**
   * Signs in as {@code user} of {@code team}: the app's "Sign in with Slack" button, Slack's authorize page, the
   * app's callback. Returns the callback's answer (a redirect to the dashboard when it worked).
   */
  public Page signIn(String team, String user, String name) {
    slack.openId().signInAs(team, user, name);
    Page start = get("/dashboard/signin/slack");
    if (start.status() != 302) {
      throw new AssertionError("sign-in didn't start: " + start);
    }
    Page slackPage = send(HttpRequest.newBuilder(URI.create(start.location())).GET());
    return get(slackPage.location().substring(appUrl.length()));
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(appUrl + path)).GET());
  }

  /** A form post with {@code fields} (in order), as the page's forms send them. */
  public Page post(String path, Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(HttpRequest.newBuilder(URI.create(appUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A raw request with this client's cookies (any method, path and headers). */
  public Page send(HttpRequest.Builder request) {
    if (!cookies.isEmpty() && request.build().uri().toString().startsWith(appUrl)) {
      StringJoiner header = new StringJoiner("; ");
      cookies.forEach((k, v) -> header.add(k + "=" + v));
      request.header("Cookie", header.toString());
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      List<String> set = response.headers().allValues("Set-Cookie");
      for (String cookie : set) {
        String pair = cookie.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (value.isEmpty() || cookie.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return new Page(response.statusCode(), response.body(),
          response.headers().firstValue("Location").orElse(null), set);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Map<String, String> cookies() {
    return cookies;
  }
}
