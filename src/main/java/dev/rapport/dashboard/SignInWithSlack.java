package dev.rapport.dashboard;

import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import dev.rapport.slack.SlackSettings;
import dev.rapport.slack.TokenSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign in with Slack, the OpenID Connect flow Slack documents: {@code /dashboard/signin} shows the button,
 * {@code /dashboard/signin/slack} sends the browser to
 * Slack's authorize page with a fresh state (kept in Redis and in a cookie) and nonce; the callback checks the
 * state against both, exchanges the code at {@code openid.connect.token} with the app's client secret, checks
 * the id_token ({@link IdToken}), refuses workspaces Rapport doesn't serve, and starts a session (a new cookie:
 * nothing from before sign-in carries over).
 */
@Controller
class SignInWithSlack {

  private static final Logger log = LoggerFactory.getLogger(SignInWithSlack.class);
  static final String PAGE = "/dashboard/signin";
  static final String START = "/dashboard/signin/slack";
  static final String CALLBACK = "/dashboard/signin/callback";

  private final SlackSettings slack;
  private final DashboardSettings settings;
  private final Sessions sessions;
  private final SlackGateway gateway;
  private final Clock clock;

  SignInWithSlack(SlackSettings slack, DashboardSettings settings, Sessions sessions, SlackGateway gateway,
                  Clock clock) {
    this.slack = slack;
    this.settings = settings;
    this.sessions = sessions;
    this.gateway = gateway;
    this.clock = clock;
  }

  /** The sign-in page: what the dashboard is, and the "Sign in with Slack" button (or why it can't work yet). */
  @GetMapping(PAGE)
  String page(HttpServletResponse response, Model model) {
    if (!slack.signsIn()) {
      return notSetUp(response, model);
    }
    return "dashboard/signin";
  }

  /** The button: off to Slack's authorize page with a fresh state and nonce. */
  @GetMapping(START)
  String signIn(HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!slack.signsIn()) {
      return notSetUp(response, model);
    }
    String nonce = Sessions.random();
    String state = sessions.beginSignIn(nonce);
    Cookies.set(response, Cookies.SIGN_IN, state, Sessions.SIGN_IN_TIME, settings.secure());
    return "redirect:" + settings.authorizeUrl() + "?response_type=code&scope=" + encode("openid profile")
        + "&client_id=" + encode(slack.clientId()) + "&state=" + encode(state) + "&nonce=" + encode(nonce)
        + "&redirect_uri=" + encode(redirectUri(request));
  }

  private static String notSetUp(HttpServletResponse response, Model model) {
    response.setStatus(503);
    model.addAttribute("notSetUp", true);
    model.addAttribute("problem", "Sign in with Slack isn't set up on this Rapport yet. Whoever runs Rapport "
        + "turns it on (the README's \"Sign in with Slack\" says how).");
    return "dashboard/signin";
  }

  @GetMapping(CALLBACK)
  String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                  @RequestParam(required = false) String error, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
    String cookie = Cookies.read(request, Cookies.SIGN_IN);
    Cookies.clear(response, Cookies.SIGN_IN, settings.secure());
    if (error != null) {
      return problem(response, model, 400, "Slack didn't sign you in (you may have cancelled). Try again.");
    }
    Optional<String> nonce = Sessions.sameToken(cookie, state) ? sessions.finishSignIn(state) : Optional.empty();
    if (nonce.isEmpty() || code == null || code.isBlank() || !slack.signsIn()) {
      return problem(response, model, 400, "That sign-in link has expired or was opened in another browser. "
          + "Sign in again.");
    }
    IdToken who;
    try {
      String jwt = gateway.callWithToken(null, "openid.connect.token", c -> c.openIDConnectToken(r -> r
          .clientId(slack.clientId()).clientSecret(slack.clientSecret()).code(code)
          .redirectUri(redirectUri(request)))).getIdToken();
      who = IdToken.verify(jwt, slack.clientId(), nonce.get(), clock.instant()).orElse(null);
    } catch (SlackCallException e) {
      log.info("Sign in with Slack failed at openid.connect.token: {}", e.getMessage());
      return problem(response, model, 502, "Slack didn't confirm the sign-in. Try again in a moment.");
    }
    if (who == null) {
      return problem(response, model, 400, "Slack's answer couldn't be checked, so you aren't signed in. "
          + "Sign in again.");
    }
    if (!serves(who.team())) {
      return problem(response, model, 403, "Rapport isn't installed in the Slack workspace you signed in with. "
          + "Sign in with the workspace where you use Rapport.");
    }
    sessions.end(Cookies.read(request, Cookies.SESSION)); // a sign-in over another: the old one can't come back
    Cookies.set(response, Cookies.SESSION, sessions.start(who.team(), who.user()), settings.sessionLength(),
        settings.secure());
    return "redirect:/dashboard";
  }

  @PostMapping("/dashboard/signout")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    sessions.end(Cookies.read(request, Cookies.SESSION));
    Cookies.clear(response, Cookies.SESSION, settings.secure());
    return "redirect:/dashboard/signed-out";
  }

  @GetMapping("/dashboard/signed-out")
  String signedOut(Model model) {
    model.addAttribute("problem", null);
    model.addAttribute("signedOut", true);
    return "dashboard/signin";
  }

  /** Whether Rapport serves {@code team}: its bot token works there (one workspace: the token's own). */
  private boolean serves(String team) {
    try {
      String served = gateway.call(team, "auth.test", c -> c.authTest(r -> r)).getTeamId();
      return team.equals(served);
    } catch (SlackCallException | TokenSource.NotInstalledException e) {
      return false;
    }
  }

  private String redirectUri(HttpServletRequest request) {
    String base = settings.publicUrl() != null ? settings.publicUrl()
        : request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    return base + CALLBACK;
  }

  private static String problem(HttpServletResponse response, Model model, int status, String text) {
    response.setStatus(status);
    model.addAttribute("problem", text);
    return "dashboard/signin";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
