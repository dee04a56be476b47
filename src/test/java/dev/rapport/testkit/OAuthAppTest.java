package dev.rapport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests of a multi-workspace deployment: SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set, no bot
 * token, so workspaces install through {@code /slack/install} and {@code /slack/oauth_redirect}.
 *
 * <p>Every subclass shares this one context (declare no other settings in a subclass). It stays cached
 * after its tests like the default one, in a Redis database of its own (see {@link AppTest}).
 */
public abstract class OAuthAppTest extends AppTest {

  public static final String CLIENT_ID = "111.222";
  /** What RAPPORT_ENCRYPTION_KEY holds: 32 random bytes in base64 (multi-workspace mode requires one). */
  public static final String ENCRYPTION_KEY =
      java.util.Base64.getEncoder().encodeToString(dev.rapport.store.Aead.randomKey());
  /** In RAPPORT_ADMINS for this workspace only ({@code T…:U…}). */
  public static final String ADMIN_OF_ACME = "T0ACME:U0SHARED";

  @DynamicPropertySource
  static void oauth(DynamicPropertyRegistry registry) {
    registry.add("rapport.slack.bot-token", () -> "");
    registry.add("rapport.slack.client-id", () -> CLIENT_ID);
    registry.add("rapport.slack.client-secret", () -> "client-secret");
    registry.add("rapport.slack.completion-url", () -> "https://rapport.example.com/installed");
    registry.add("rapport.encryption.key", () -> ENCRYPTION_KEY);
    registry.add("rapport.people.admins", () -> ADMIN_OF_ACME);
  }

  /** A browser: it keeps redirects for the test to follow. */
  protected final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private int rotations;
  /** expires_in of renewed tokens; 0 = the same as the first grant's. */
  protected int renewalsLast;

  /**
   * The fake's oauth.v2.access: a code "code-T..." installs that workspace's bot; a refresh token
   * "xoxe-refresh-T...-n" renews it (generation n + 1). Tokens expire after {@code expiresIn} seconds.
   */
  protected void answerOAuthWithTokensForTheCodesWorkspace(int expiresIn) {
    slack.on("oauth.v2.access", call -> {
      String team = call.param("code") != null ? call.param("code").substring("code-".length())
          : call.param("refresh_token").replaceAll("xoxe-refresh-(T0[A-Z]+)-\\d+", "$1");
      int generation = call.param("refresh_token") == null ? 1 : ++rotations + 1;
      ObjectNode node = SlackSamples.apiResponse("oauth.v2.access");
      node.put("access_token", FakeSlack.tokenFor(team)).put("token_type", "bot").put("scope", "commands,chat:write")
          .put("bot_user_id", "UBOT" + team).put("app_id", "ARAPPORT").put("is_enterprise_install", false)
          .put("refresh_token", "xoxe-refresh-" + team + "-" + generation)
          .put("expires_in", generation > 1 && renewalsLast > 0 ? renewalsLast : expiresIn);
      node.putObject("team").put("id", team).put("name", "Team " + team);
      node.putNull("enterprise");
      node.putObject("authed_user").put("id", "UINSTALLER");
      node.remove("incoming_webhook");
      return node;
    });
  }

  /** "Add to Slack" in a browser: the install page sets a state cookie, Slack redirects back with a code. */
  protected void install(String team) throws Exception {
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/slack/install")).build(),
        HttpResponse.BodyHandlers.ofString());
    String location = page.headers().firstValue("Location").orElse(page.body());
    Matcher state = Pattern.compile("state=([A-Za-z0-9-]+)").matcher(location);
    assertThat(state.find()).as("an authorize URL with a state in: %s", location).isTrue();
    assertThat(location).contains("client_id=" + CLIENT_ID).contains("scope=commands");
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

    HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/slack/oauth_redirect?code=code-" + team + "&state=" + state.group(1))).header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location")).contains("https://rapport.example.com/installed");
  }
}
