package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The id_token's claims are checked one by one, and cookies are Secure exactly when Rapport is served over TLS. */
class SignInChecksTest {

  static final String CLIENT = "333.444";
  static final String NONCE = "n-0S6_WzA2Mj";
  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  static String jwt(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
  }

  static String claims(String iss, String aud, long exp, String nonce, String team) {
    return "{\"iss\":\"" + iss + "\",\"aud\":\"" + aud + "\",\"exp\":" + exp + ",\"nonce\":\"" + nonce
        + "\",\"sub\":\"U1\",\"https://slack.com/user_id\":\"U1\",\"https://slack.com/team_id\":\"" + team
        + "\",\"name\":\"Ada\"}";
  }

  static final long LATER = NOW.getEpochSecond() + 300;

  @Test
  void aTokenFromSlackForThisAppWithThisSignInsNonceNamesItsPerson() {
    assertThat(IdToken.verify(jwt(claims("https://slack.com", CLIENT, LATER, NONCE, "T1")), CLIENT, NONCE, NOW))
        .contains(new IdToken("T1", "U1", "Ada"));
  }

  @Test
  void anotherIssuerAudienceNonceAnExpiredTokenOrNoWorkspaceIsRefused() {
    assertThat(IdToken.verify(jwt(claims("https://evil.example", CLIENT, LATER, NONCE, "T1")), CLIENT, NONCE, NOW))
        .as("issuer").isEmpty();
    assertThat(IdToken.verify(jwt(claims("https://slack.com", "999.999", LATER, NONCE, "T1")), CLIENT, NONCE, NOW))
        .as("audience").isEmpty();
    assertThat(IdToken.verify(jwt(claims("https://slack.com", CLIENT, LATER, "other", "T1")), CLIENT, NONCE, NOW))
        .as("nonce of another sign-in").isEmpty();
    assertThat(IdToken.verify(jwt(claims("https://slack.com", CLIENT, NOW.getEpochSecond(), NONCE, "T1")), CLIENT,
        NONCE, NOW)).as("expired").isEmpty();
    assertThat(IdToken.verify(jwt(claims("https://slack.com", CLIENT, LATER, NONCE, "")), CLIENT, NONCE, NOW))
        .as("no workspace").isEmpty();
    assertThat(IdToken.verify("not.a-jwt", CLIENT, NONCE, NOW)).as("garbage").isEmpty();
    assertThat(IdToken.verify(null, CLIENT, NONCE, NOW)).as("none").isEmpty();
  }

  @Test
  void cookiesAreSecureBehindTlsAndAlwaysHttpOnlyAndSameSite() {
    DashboardSettings tls = new DashboardSettings("https://rapport.example.com/", "https://slack.com/x",
        Duration.ofHours(8));
    DashboardSettings plain = new DashboardSettings("http://localhost:3000", "https://slack.com/x",
        Duration.ofHours(8));
    assertThat(tls.publicUrl()).isEqualTo("https://rapport.example.com");

    MockHttpServletResponse secure = new MockHttpServletResponse();
    Cookies.set(secure, Cookies.SESSION, "T1.abc", Duration.ofHours(8), tls.secure());
    MockHttpServletResponse local = new MockHttpServletResponse();
    Cookies.set(local, Cookies.SESSION, "T1.abc", Duration.ofHours(8), plain.secure());

    assertThat(secure.getHeader("Set-Cookie")).contains("Secure").contains("HttpOnly").contains("SameSite=Lax")
        .contains("Path=/dashboard");
    assertThat(local.getHeader("Set-Cookie")).doesNotContain("Secure").contains("HttpOnly").contains("SameSite=Lax");
  }
}
