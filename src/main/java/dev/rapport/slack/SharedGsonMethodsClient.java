package dev.rapport.slack;

import com.google.gson.Gson;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * The SDK's Web API client, except that responses are parsed with one shared Gson. The SDK (1.47.0)
 * builds a new Gson for every response, and with it reflective adapters for the whole response type
 * graph (a {@code chat.postMessage} response reaches blocks, attachments, files...): measured with JFR
 * during a 10,000-member round, that was a third of all allocation and half of the outbox's CPU.
 * Requests, HTTP listeners and errors stay the SDK's own; only the parse of token calls is replaced.
 * Gson is thread-safe and caches its adapters, so one instance serves every call.
 */
final class SharedGsonMethodsClient extends MethodsClientImpl {

  private final Gson gson;

  private SharedGsonMethodsClient(SlackHttpClient http, String token, Gson gson) {
    super(http, token);
    this.gson = gson;
  }

  /** A factory of clients that share one Gson, configured like the SDK's for {@code http}. */
  static Factory factory(SlackHttpClient http, String endpointUrlPrefix) {
    Gson gson = GsonFactory.createSnakeCase(http.getConfig());
    return token -> {
      SharedGsonMethodsClient client = new SharedGsonMethodsClient(http, token, gson);
      client.setEndpointUrlPrefix(endpointUrlPrefix);
      return client;
    };
  }

  @FunctionalInterface
  interface Factory {
    MethodsClientImpl forToken(String token);
  }

  @Override
  protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
      FormBody.Builder form, String endpoint, String token, Class<T> type) throws IOException, SlackApiException {
    Response response = postFormWithToken(form, endpoint, token);
    String body = response.body().string();
    if (!response.isSuccessful()) {
      throw new SlackApiException(getSlackHttpClient().getConfig(), response, body);
    }
    try {
      T parsed = gson.fromJson(body, type);
      parsed.setHttpResponseHeaders(lowerCased(response.headers()));
      return parsed;
    } finally {
      getSlackHttpClient().runHttpResponseListeners(response, body, false);
    }
  }

  private static Map<String, List<String>> lowerCased(Headers headers) {
    Map<String, List<String>> map = new HashMap<>();
    headers.toMultimap().forEach((name, values) -> map.put(name.toLowerCase(Locale.ENGLISH), values));
    return map;
  }
}
