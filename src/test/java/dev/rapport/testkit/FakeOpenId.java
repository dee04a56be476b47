package dev.rapport.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake Slack's Sign in with Slack (OpenID Connect): its authorize page signs in whoever a test chose with
 * {@link #signInAs} and sends the browser back with a code; {@code openid.connect.token} trades the code (once)
 * for an id_token with Slack's claims ({@code https://slack.com/team_id}, {@code https://slack.com/user_id},
 * the nonce the app sent, its client id as audience). The token's signature is a placeholder: the app takes the
 * token straight from the token endpoint and checks its claims, not a signature.
 */
public final class FakeOpenId {

  /** Who the next sign-ins are, and what the app asked for. */
  private record Grant(String team, String user, String name, String nonce, String clientId, String redirectUri) {}

  private volatile String[] who;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();

  /** The next sign-ins (until changed) are {@code user} of {@code team}. */
  public void signInAs(String team, String user, String name) {
    who = new String[] {team, user, name};
  }

  void reset() {
    who = null;
    codes.clear();
  }

  /** The authorize page: where to send the browser (back to the app with a code, or with an error). */
  String authorize(Map<String, String> query) {
    String redirect = query.get("redirect_uri");
    String state = URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
    if (who == null || !"code".equals(query.get("response_type")) || !query.getOrDefault("scope", "")
        .contains("openid")) {
      return redirect + "?error=access_denied&state=" + state;
    }
    String code = "oidc-" + UUID.randomUUID();
    codes.put(code, new Grant(who[0], who[1], who[2], query.get("nonce"), query.get("client_id"), redirect));
    return redirect + "?code=" + code + "&state=" + state;
  }

  /** {@code openid.connect.token}: a code, once, for the id_token of whoever it was given to. */
  ObjectNode token(FakeSlack.Call call) {
    Grant grant = call.param("code") == null ? null : codes.remove(call.param("code"));
    String redirect = call.param("redirect_uri");
    if (grant == null || redirect != null && !redirect.equals(grant.redirectUri())
        || !grant.clientId().equals(call.param("client_id"))) {
      return FakeApi.error("invalid_code");
    }
    long now = Instant.now().getEpochSecond();
    ObjectNode claims = SlackSamples.JSON.createObjectNode().put("iss", "https://slack.com").put("sub", grant.user())
        .put("aud", grant.clientId()).put("exp", now + 3600).put("iat", now).put("auth_time", now)
        .put("nonce", grant.nonce()).put("https://slack.com/user_id", grant.user())
        .put("https://slack.com/team_id", grant.team()).put("name", grant.name());
    ObjectNode node = SlackSamples.apiResponse("openid.connect.token");
    node.put("access_token", "xoxp-" + grant.user() + "-fake").put("token_type", "Bearer")
        .put("id_token", jwt(claims)).remove("refresh_token");
    return node;
  }

  private static String jwt(ObjectNode claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".fake-signature";
  }
}
