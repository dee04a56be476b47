package dev.rapport.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code v0=} HMAC-SHA256 of {@code v0:<timestamp>:<body>} under the signing
 * secret, over the raw bytes (so non-ASCII text verifies whatever the platform's default charset is), with
 * the timestamp at most {@link #MAX_SKEW_SECONDS} from now in either direction.
 */
final class Signatures {

  static final long MAX_SKEW_SECONDS = 5 * 60;

  /** Whether a request is Slack's: the signature to remember against replays, or why not. */
  record Verdict(String signature, long timestamp, String problem) {
    boolean trusted() {
      return problem == null;
    }

    static Verdict refused(String problem) {
      return new Verdict(null, 0, problem);
    }
  }

  private final byte[] secret;
  private final Clock clock;

  Signatures(String signingSecret, Clock clock) {
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  Verdict check(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return Verdict.refused("missing Slack signature headers");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return Verdict.refused("malformed timestamp");
    }
    if (Math.abs(clock.instant().getEpochSecond() - seconds) > MAX_SKEW_SECONDS) {
      return Verdict.refused("timestamp more than 5 minutes from now");
    }
    String expected = sign(timestamp.trim(), body);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        signature.trim().getBytes(StandardCharsets.UTF_8))) {
      return Verdict.refused("signature mismatch");
    }
    return new Verdict(expected, seconds, null);
  }

  String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
