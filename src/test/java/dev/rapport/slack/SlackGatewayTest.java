package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import com.slack.api.util.http.listener.HttpResponseListener;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gateway's client parses responses with one shared Gson and sends {@code views.open} as JSON; answers,
 * listeners and errors must be the SDK's.
 */
class SlackGatewayTest extends AppTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  SlackGateway gateway;
  @Autowired
  Slack slackClient;

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
  void viewsOpenGoesAsJsonWithTheTokenInTheHeaderReadsAsTheSdksAndRunsTheResponseListeners() throws Exception {
    View view = Views.view(v -> v.type("modal").callbackId("probe").privateMetadata("C1|p")
        .title(Views.viewTitle(t -> t.type("plain_text").text("Probe")))
        .blocks(List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText("*hi* & <#C1>"))))));
    String rendered = "{\"type\":\"modal\",\"callback_id\":\"rendered\",\"title\":{\"type\":\"plain_text\","
        + "\"text\":\"R\"},\"blocks\":[]}";
    List<String> heard = new CopyOnWriteArrayList<>();
    HttpResponseListener listener = new HttpResponseListener() {
      @Override
      public void accept(State state) {
        heard.add(state.getResponse().request().url().encodedPath());
      }
    };
    List<HttpResponseListener> listeners = slackClient.getHttpClient().getConfig().getHttpClientResponseHandlers();
    listeners.add(listener);
    try {
      var opened = gateway.call(TEAM, "views.open", c -> c.viewsOpen(r -> r.triggerId("trigger-1").view(view)));
      gateway.call(TEAM, "views.open", c -> c.viewsOpen(r -> r.triggerId("trigger-2").viewAsString(rendered)));

      assertThat(opened.getView().getId()).isNotBlank();
      assertThat(opened.getView().getCallbackId()).isEqualTo("probe");
      assertThat(opened.getHttpResponseHeaders()).containsKey("content-type");
    } finally {
      listeners.remove(listener);
    }
    List<FakeSlack.Call> calls = slack.calls("views.open");
    assertThat(calls).hasSize(2).allSatisfy(call -> {
      assertThat(call.contentType()).isEqualTo("application/json; charset=utf-8");
      assertThat(call.token()).isEqualTo(FakeSlack.tokenFor(TEAM));
      assertThat(call.params()).doesNotContainKey("token");
    });
    assertThat(calls.get(0).param("trigger_id")).isEqualTo("trigger-1");
    assertThat(calls.get(0).json("view")).isEqualTo(JSON.readTree(SlackGateway.json(view)));
    assertThat(calls.get(0).json("view").path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("*hi* & <#C1>");
    assertThat(calls.get(1).param("trigger_id")).isEqualTo("trigger-2");
    assertThat(calls.get(1).json("view")).as("sent as it was given").isEqualTo(JSON.readTree(rendered));
    assertThat(heard).containsExactly("/api/views.open", "/api/views.open");
  }

  @Test
  void viewsOpenKeepsSlacksErrorsTheirKindAndWords() {
    slack.rateLimitNext("views.open", 9, 1);
    slack.failNext("views.open", 502, 1);
    SlackCallException limited = catchThrowableOfType(SlackCallException.class, this::openProbe);
    SlackCallException down = catchThrowableOfType(SlackCallException.class, this::openProbe);
    slack.on("views.open", call -> FakeApi.error("expired_trigger_id"));
    SlackCallException expired = catchThrowableOfType(SlackCallException.class, this::openProbe);

    assertKeptTheirKindAndWords(limited, 9, down, "http_502", expired, "expired_trigger_id");
  }

  private void openProbe() throws SlackCallException {
    gateway.call(TEAM, "views.open", c -> c.viewsOpen(r -> r.triggerId("t").viewAsString("{\"type\":\"modal\"}")));
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

    assertKeptTheirKindAndWords(limited, 7, down, "http_503", unknown, "user_not_found");
  }

  private static void assertKeptTheirKindAndWords(SlackCallException limited, int retryAfterSeconds,
                                                  SlackCallException down, String status,
                                                  SlackCallException refused, String error) {
    assertThat(limited.kind()).isEqualTo(SlackCallException.Kind.RATE_LIMITED);
    assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(retryAfterSeconds));
    assertThat(down.kind()).isEqualTo(SlackCallException.Kind.SERVER_ERROR);
    assertThat(down.error()).isEqualTo(status);
    assertThat(refused.kind()).isEqualTo(SlackCallException.Kind.API_ERROR);
    assertThat(refused.error()).isEqualTo(error);
  }
}
