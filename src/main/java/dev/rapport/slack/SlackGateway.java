package dev.rapport.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The only Slack Web API client of the app. Every call names its method (for metrics and errors), uses
 * the workspace's bot token and the configured {@code SLACK_API_URL}, and fails with a classified
 * {@link SlackCallException} instead of a mix of HTTP, IO and API errors.
 */
@Component
public class SlackGateway {

  /** One Web API call on a client that already carries the workspace's token. */
  @FunctionalInterface
  public interface Call<T extends SlackApiTextResponse> {
    T apply(MethodsClient client) throws IOException, SlackApiException;
  }

  private static final com.google.gson.Gson GSON = com.slack.api.util.json.GsonFactory.createSnakeCase();

  private final Slack slack;
  private final SharedGsonMethodsClient.Factory clients;
  private final TokenSource tokens;
  private final MeterRegistry metrics;

  SlackGateway(Slack slack, TokenSource tokens, MeterRegistry metrics) {
    this.slack = slack;
    this.clients = SharedGsonMethodsClient.factory(slack.getHttpClient(),
        slack.getConfig().getMethodsEndpointUrlPrefix());
    this.tokens = tokens;
    this.metrics = metrics;
  }

  /** Calls {@code method} for {@code team}; returns the response only when Slack said ok. */
  public <T extends SlackApiTextResponse> T call(String team, String method, Call<T> call)
      throws SlackCallException {
    return callWithToken(tokens.botToken(team), method, call);
  }

  /** Same, with an explicit token (OAuth exchange, token rotation). */
  public <T extends SlackApiTextResponse> T callWithToken(String token, String method, Call<T> call)
      throws SlackCallException {
    try {
      T response = call.apply(clients.forToken(token));
      if (response == null) {
        throw count(new SlackCallException(method, SlackCallException.Kind.NETWORK, "empty response", null,
            null));
      }
      if (!response.isOk()) {
        throw count(SlackCallException.apiError(method, response.getError()));
      }
      metrics.counter("rapport.slack.api.calls", "method", method, "outcome", "ok").increment();
      return response;
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      if (status == 429) {
        throw count(new SlackCallException(method, SlackCallException.Kind.RATE_LIMITED, "ratelimited",
            retryAfter(e), e));
      }
      if (status >= 500) {
        throw count(new SlackCallException(method, SlackCallException.Kind.SERVER_ERROR, "http_" + status,
            null, e));
      }
      String error = e.getError() != null && e.getError().getError() != null
          ? e.getError().getError() : "http_" + status;
      throw count(SlackCallException.apiError(method, error));
    } catch (IOException e) {
      throw count(new SlackCallException(method, SlackCallException.Kind.NETWORK,
          e.getClass().getSimpleName(), null, e));
    }
  }

  /**
   * A Slack model (a view, blocks) as JSON, as the Web API takes it: for a caller that renders a view once and
   * sends it many times ({@code viewAsString}), which saves serializing it on every call.
   */
  public static String json(Object model) {
    return GSON.toJson(model);
  }

  /**
   * Posts an ephemeral answer to a command's or action's {@code response_url} (valid 30 minutes). Only
   * {@link AnswerLater} calls it: that is how features answer after the ack.
   */
  void respond(String responseUrl, Reply reply) throws SlackCallException {
    var body = com.slack.api.app_backend.interactive_components.response.ActionResponse.builder()
        .responseType("ephemeral").replaceOriginal(reply.replaceOriginal())
        .text(reply.text()).blocks(reply.blocks().isEmpty() ? null : reply.blocks()).build();
    try {
      var response = slack.send(responseUrl, GSON.toJson(body));
      if (response.getCode() >= 400) {
        throw count(new SlackCallException("response_url", SlackCallException.Kind.SERVER_ERROR,
            "http_" + response.getCode(), null, null));
      }
    } catch (IOException e) {
      throw count(new SlackCallException("response_url", SlackCallException.Kind.NETWORK,
          e.getClass().getSimpleName(), null, e));
    }
  }

  private SlackCallException count(SlackCallException e) {
    String outcome = switch (e.kind()) {
      case RATE_LIMITED -> "rate_limited";
      case SERVER_ERROR -> "server_error";
      case NETWORK -> "network";
      case API_ERROR -> "error";
    };
    metrics.counter("rapport.slack.api.calls", "method", e.method(), "outcome", outcome).increment();
    metrics.counter("rapport.slack.api.errors", "method", e.method(), "error", String.valueOf(e.error()))
        .increment();
    return e;
  }

  private static Duration retryAfter(SlackApiException e) {
    List<String> values = e.getResponse().headers("Retry-After");
    try {
      return Duration.ofSeconds(values.isEmpty() ? 1 : Math.max(1, Long.parseLong(values.get(0).trim())));
    } catch (NumberFormatException bad) {
      return Duration.ofSeconds(1);
    }
  }
}
