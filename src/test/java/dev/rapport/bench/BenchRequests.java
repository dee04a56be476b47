package dev.rapport.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request types the benchmarks send, as Slack sends them: {@code /coffee status}, {@code /pulse} (opens
 * a modal), {@code /empathy}, a thread reply ({@code message} event) and a click on an intro's "We met"
 * button, each the {@code i}-th of its kind (its own user, trigger and response URL), and Slack's v0
 * signature over them.
 */
final class BenchRequests {

  static final String TEAM = "T0LOAD";
  static final String CHANNEL = "C0LOAD";

  private BenchRequests() {}

  /** One kind of request: its name and its body (form or JSON). */
  record Kind(String name, String contentType, IntFunction<String> body) {}

  /** Every kind, in the order benchmarks print them; {@code responseUrl} gives the i-th response URL. */
  static List<Kind> all(IntFunction<String> responseUrl) {
    return List.of(
        command("/coffee status", "/coffee", "status", responseUrl),
        command("/pulse (modal)", "/pulse", "", responseUrl),
        command("/empathy", "/empathy", "", responseUrl),
        messageEvent(),
        button(responseUrl));
  }

  static Kind command(String name, String command, String text, IntFunction<String> responseUrl) {
    return new Kind(name, "application/x-www-form-urlencoded", i -> commandBody(CHANNEL, user(i), command, text,
        responseUrl.apply(i), "t" + i));
  }

  static String commandBody(String channel, String user, String command, String text, String responseUrl,
                            String trigger) {
    return "token=x&team_id=" + TEAM + "&team_domain=load&channel_id=" + channel + "&channel_name=load&user_id="
        + user + "&user_name=u&command=" + enc(command) + "&text=" + enc(text)
        + "&api_app_id=ARAPPORT&is_enterprise_install=false&response_url=" + enc(responseUrl)
        + "&trigger_id=" + trigger;
  }

  /** A reply in a thread of the load channel: every event of a busy workspace's channels comes in. */
  static Kind messageEvent() {
    return new Kind("event message", "application/json", i -> "{\"token\":\"x\",\"team_id\":\"" + TEAM
        + "\",\"api_app_id\":\"ARAPPORT\",\"type\":\"event_callback\",\"event_id\":\"Ev" + UUID.randomUUID()
        + "\",\"event_time\":" + Instant.now().getEpochSecond() + ",\"authorizations\":[{\"team_id\":\"" + TEAM
        + "\",\"user_id\":\"UBOT\",\"is_bot\":true}],\"event\":{\"type\":\"message\",\"channel\":\"" + CHANNEL
        + "\",\"user\":\"" + user(i) + "\",\"text\":\"hi\",\"ts\":\"1790000000." + String.format("%06d", i % 1_000_000)
        + "\",\"thread_ts\":\"1780000000.000100\",\"channel_type\":\"channel\"}}");
  }

  /** "We met" on an intro (of a round that isn't there any more: the answer says so, after the ack). */
  static Kind button(IntFunction<String> responseUrl) {
    return new Kind("button click", "application/x-www-form-urlencoded", i -> "payload=" + enc(
        "{\"type\":\"block_actions\",\"api_app_id\":\"ARAPPORT\",\"token\":\"x\",\"trigger_id\":\"b" + i
        + "\",\"team\":{\"id\":\"" + TEAM + "\",\"domain\":\"load\"},\"user\":{\"id\":\"" + user(i)
        + "\",\"username\":\"u\",\"name\":\"u\",\"team_id\":\"" + TEAM + "\"},\"channel\":{\"id\":\"D0LOAD"
        + "\",\"name\":\"directmessage\"},\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000001\","
        + "\"channel_id\":\"D0LOAD\",\"is_ephemeral\":false},\"message\":{\"type\":\"message\",\"ts\":"
        + "\"1700000000.000001\",\"text\":\"\"},\"response_url\":\"" + responseUrl.apply(i) + "\","
        + "\"is_enterprise_install\":false,\"actions\":[{\"action_id\":\"pairing_met\",\"block_id\":\"b\","
        + "\"value\":\"" + CHANNEL + "|r-gone|0\",\"type\":\"button\",\"action_ts\":\""
        + Instant.now().getEpochSecond() + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"We met\"}}]}"));
  }

  static String user(int i) {
    return String.format("UL%03d", 1 + (i % 50));
  }

  /** Slack's signature: {@code v0=} and the hex HMAC-SHA256 of {@code v0:timestamp:body}. */
  static String sign(byte[] secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
