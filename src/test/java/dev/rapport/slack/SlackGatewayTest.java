package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The gateway's client parses responses with one shared Gson; answers and errors must read as the SDK's. */
class SlackGatewayTest extends AppTest {

  @Autowired
  SlackGateway gateway;

  @Test
  void parsesResponsesWithTheirHeadersAndCallsSlackAtTheConfiguredUrlWithTheWorkspaceToken() throws Exception {
    var first = gateway.call(TEAM, "chat.postMessage", c -> c.chatPostMessage(r -> r.channel("C1").text("one")));
    var second = gateway.call(TEAM, "conversations.open", c -> c.conversationsOpen(r -> r.users(java.util.List.of("U1",
        "U2"))));

    assertThat(first.getChannel()).isEqualTo("C1");
    assertThat(first.getTs()).isNotBlank();
    assertThat(first.getHttpResponseHeaders()).containsKey("content-type");
    assertThat(second.getChannel().getId()).isNotBlank();
    assertThat(slack.calls("chat.postMessage")).singleElement()
        .satisfies(call -> assertThat(call.param("text")).isEqualTo("one"));
    assertThat(slack.calls("conversations.open")).singleElement()
        .satisfies(call -> assertThat(call.token()).isEqualTo(dev.rapport.testkit.FakeSlack.tokenFor(TEAM)));
  }

  @Test
  void slacksErrorsKeepTheirKindAndWords() {
    slack.rateLimitNext("chat.postMessage", 7, 1);
    slack.failNext("conversations.open", 503, 1);
    slack.on("users.info", call -> FakeApi.error("user_not_found"));

    SlackCallException limited = catchThrowableOfType(SlackCallException.class,
        () -> gateway.call(TEAM, "chat.postMessage", c -> c.chatPostMessage(r -> r.channel("C1").text("x"))));
    SlackCallException down = catchThrowableOfType(SlackCallException.class,
        () -> gateway.call(TEAM, "conversations.open", c -> c.conversationsOpen(r ->
            r.users(java.util.List.of("U1")))));
    SlackCallException unknown = catchThrowableOfType(SlackCallException.class,
        () -> gateway.call(TEAM, "users.info", c -> c.usersInfo(r -> r.user("UNOPE"))));

    assertThat(limited.kind()).isEqualTo(SlackCallException.Kind.RATE_LIMITED);
    assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(down.kind()).isEqualTo(SlackCallException.Kind.SERVER_ERROR);
    assertThat(down.error()).isEqualTo("http_503");
    assertThat(unknown.kind()).isEqualTo(SlackCallException.Kind.API_ERROR);
    assertThat(unknown.error()).isEqualTo("user_not_found");
  }
}
