package dev.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.OAuthAppTest;
import dev.rapport.testkit.SlackRequests;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The install pages of a multi-workspace deployment are browser pages: GET without a body, nothing else. */
class OAuthPagesTest extends OAuthAppTest {

  @Test
  void theInstallPagesAnswerOtherMethodsWith405NamingGet() {
    SlackRequests.Body body = requests.commandBody(TEAM, "U001", "C001", "/coffee", "help");
    Map<String, String> signed = requests.signed(String.valueOf(clock.instant().getEpochSecond()), body.text());

    for (String path : new String[] {"/slack/install", "/slack/oauth_redirect?code=code-T0X&state=s"}) {
      for (String method : new String[] {"POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
        SlackRequests.Answer answer = requests.send(method, path, body, signed);
        assertThat(answer.status()).as(method + " " + path).isEqualTo(405);
        assertThat(answer.header("Allow")).as(method + " " + path).isEqualTo("GET");
      }
    }
    assertThat(jedis.keys("*")).as("no OAuth state issued, nothing run").isEmpty();
  }

  @Test
  void aGetWithABodyIsNotABrowserAndIsRefused() throws Exception {
    SlackRequests.Body body = requests.commandBody(TEAM, "U001", "C001", "/coffee", "help");
    assertThat(requests.send("GET", "/slack/install", body, Map.of()).status()).isEqualTo(400);
    assertThat(requests.send("GET", "/slack/oauth_redirect?code=code-T0X&state=s", body, Map.of()).status())
        .isEqualTo(400);

    HttpResponse<String> chunked = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/slack/install"))
        .method("GET", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.text().getBytes())))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(400);
    assertThat(jedis.keys("*")).isEmpty();
  }
}
