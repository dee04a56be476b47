package dev.rapport.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The claims of the id_token Slack's {@code openid.connect.token} returns, checked as OpenID Connect asks of a
 * token the client fetched itself over TLS with its secret (Core 3.1.3.7: TLS server validation stands in for
 * the signature): the issuer is Slack, the audience this app, it hasn't expired, and its nonce is the one this
 * sign-in sent. Whoever it names comes from {@code https://slack.com/team_id} and {@code https://slack.com/user_id}.
 */
record IdToken(String team, String user, String name) {

  static final String ISSUER = "https://slack.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The checked claims, or empty with nothing said about why (the page says "try again"). */
  static Optional<IdToken> verify(String jwt, String clientId, String nonce, Instant now) {
    String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    JsonNode claims;
    try {
      claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    JsonNode aud = claims.path("aud");
    boolean audience = aud.isArray() ? contains(aud, clientId) : clientId.equals(aud.asText());
    String team = claims.path("https://slack.com/team_id").asText("");
    String user = claims.path("https://slack.com/user_id").asText(claims.path("sub").asText(""));
    if (!ISSUER.equals(claims.path("iss").asText()) || !audience || claims.path("exp").asLong(0) <= now.getEpochSecond()
        || !Sessions.sameToken(nonce, claims.path("nonce").asText(null)) || team.isEmpty() || user.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new IdToken(team, user, claims.path("name").asText(user)));
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode node : array) {
      if (value.equals(node.asText())) {
        return true;
      }
    }
    return false;
  }
}
