package dev.rapport.slack;

import com.google.gson.Gson;
import com.google.gson.stream.JsonWriter;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The SDK's Web API client, except that responses are parsed with one shared Gson, and {@code views.open}
 * is sent as JSON.
 * <ul>
 *   <li>The SDK (1.47.0) builds a new Gson for every response, and with it reflective adapters for the whole
 *       response type graph (a {@code chat.postMessage} response reaches blocks, attachments, files...):
 *       measured with JFR during a 10,000-member round, that was a third of all allocation and half of the
 *       outbox's CPU. Gson is thread-safe and caches its adapters, so one instance serves every call.</li>
 *   <li>The SDK sends a view as a form field: the whole view's JSON percent-encoded character by character
 *       ({@code FormBody.Builder.add}), re-serialized on every call. Profiled under {@code /pulse} load
 *       (async-profiler), {@code views.open} was 60 % of the app's background CPU, half of it that encoding.
 *       Slack takes the same call as a JSON body with the token as a bearer header, and a caller that opens
 *       the same view many times can pass its JSON once rendered ({@code viewAsString}).</li>
 * </ul>
 * Everything else stays the SDK's own: the same HTTP client (with {@link AckPath}'s guard), its response
 * listeners, and its errors ({@link SlackApiException} for a non-2xx answer, including 429 with its
 * {@code Retry-After}).
 */
final class SharedGsonMethodsClient extends MethodsClientImpl {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

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
    return parse(postFormWithToken(form, endpoint, token), type);
  }

  /** As the SDK's, as JSON: {@code viewAsString} as it is (a view's JSON), else {@code view} rendered. */
  @Override
  public ViewsOpenResponse viewsOpen(ViewsOpenRequest req) throws IOException, SlackApiException {
    StringWriter body = new StringWriter();
    try (JsonWriter json = new JsonWriter(body)) {
      json.setSerializeNulls(false);
      json.beginObject();
      json.name("trigger_id").value(req.getTriggerId());
      json.name("interactivity_pointer").value(req.getInteractivityPointer());
      json.name("view").jsonValue(req.getViewAsString() != null ? req.getViewAsString()
          : gson.toJson(req.getView()));
      json.endObject();
    }
    return postJsonWithToken(body.toString(), "views.open", getToken(req), ViewsOpenResponse.class);
  }

  private <T extends SlackApiTextResponse> T postJsonWithToken(String json, String endpoint, String token,
                                                              Class<T> type) throws IOException, SlackApiException {
    Request request = new Request.Builder().url(getEndpointUrlPrefix() + endpoint)
        .header("Authorization", "Bearer " + token).post(RequestBody.create(json, JSON)).build();
    return parse(getSlackHttpClient().getOkHttpClient().newCall(request).execute(), type);
  }

  private <T extends SlackApiTextResponse> T parse(Response response, Class<T> type)
      throws IOException, SlackApiException {
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
