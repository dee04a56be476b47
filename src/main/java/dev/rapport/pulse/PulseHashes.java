package dev.rapport.pulse;

import dev.rapport.slack.SlackSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of a person within one period. The key comes from {@code RAPPORT_PULSE_SECRET},
 * or is derived from the Slack signing secret (or the app token), and is never written to Redis: someone
 * who can read Redis can't recompute a hash for a user id, and user ids are too few to hide behind an
 * unkeyed hash.
 *
 * <p>Each use has its own domain ("voter", "invite", "remind"), so the voter set and the outbox's
 * idempotency keys never share a value that could tie a voter hash to a queued message naming its user.
 */
@Component
class PulseHashes {

  private static final Logger log = LoggerFactory.getLogger(PulseHashes.class);
  private static final String DERIVATION = "rapport-pulse-hash-key-v1";

  private final byte[] key;

  PulseHashes(PulseSettings settings, SlackSettings slack) {
    String source;
    String material;
    if (settings.secret() != null) {
      source = "RAPPORT_PULSE_SECRET";
      material = settings.secret();
    } else if (slack.signingSecret() != null) {
      source = "the Slack signing secret";
      material = slack.signingSecret();
    } else if (slack.appToken() != null) {
      source = "the Slack app token";
      material = slack.appToken();
    } else {
      source = null;
      material = null;
    }
    // A dedicated key, so the pulse never uses a Slack secret as is.
    this.key = material == null ? null : hmac(material.getBytes(StandardCharsets.UTF_8), DERIVATION);
    if (source == null) {
      log.warn("Pulse: no RAPPORT_PULSE_SECRET and no Slack secret; answers can't be recorded until one is set");
    } else {
      log.info("Pulse: answer hashes keyed from {}", source);
    }
  }

  /** The voter's mark in a period's voter set. */
  String voter(String team, String channel, String period, String user) {
    return of("voter", team, channel, period, user);
  }

  /** The idempotency key part of a message to a person about a period ("invite", "remind"). */
  String delivery(String purpose, String team, String channel, String period, String user) {
    return of(purpose, team, channel, period, user);
  }

  boolean ready() {
    return key != null;
  }

  private String of(String domain, String team, String channel, String period, String user) {
    if (key == null) {
      throw new IllegalStateException("no pulse hash key: set RAPPORT_PULSE_SECRET");
    }
    // Slack ids and period ids never contain '|', so the joined text is unambiguous.
    return HexFormat.of().formatHex(hmac(key, String.join("|", domain, team, channel, period, user)));
  }

  private static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
