package dev.rapport.pulse;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Pulse settings, bound from {@code rapport.pulse.*} and the matching variables.
 *
 * @param minResponses k ({@code RAPPORT_PULSE_MIN_RESPONSES}): a period's results, and its comments, are
 *     shown only with at least this many answers, and a pulse starts only in a channel with at least this
 *     many people; 1–5 counts per question need 2k. Never below {@value #FLOOR}: a lower value fails
 *     startup, since it would let a manager read one or two people's answers.
 * @param secret {@code RAPPORT_PULSE_SECRET}: wraps each period's key and keys the membership digests;
 *     never stored in Redis, at least {@value #SECRET_MIN} characters. Unset: generated into the data
 *     directory with the embedded Redis; with any other Redis the pulse refuses to run until it is set.
 * @param remindBefore how long before a period closes the one reminder goes out (at most half the period)
 * @param retention how long a period's aggregates are kept after it opens
 * @param rewriteAof {@code RAPPORT_PULSE_REWRITE_AOF}: ask Redis to rewrite its append-only file after each
 *     close, so the open period's sealed answers and keys leave its history too
 */
@Validated
@ConfigurationProperties("rapport.pulse")
record PulseSettings(
    @Min(FLOOR) @DefaultValue("5") int minResponses,
    String secret,
    @DurationMin(minutes = 1) @DefaultValue("24h") Duration remindBefore,
    @DurationMin(days = 7) @DefaultValue("730d") Duration retention,
    @DefaultValue("true") boolean rewriteAof) {

  static final int FLOOR = 3;
  static final int SECRET_MIN = 32;

  PulseSettings {
    if (minResponses < FLOOR) {
      throw new IllegalArgumentException("RAPPORT_PULSE_MIN_RESPONSES (rapport.pulse.min-responses) must be "
          + "at least " + FLOOR + " so nobody's answers can be singled out; got " + minResponses);
    }
    secret = secret == null || secret.isBlank() ? null : secret.strip();
    if (secret != null && secret.length() < SECRET_MIN) {
      // Not the secret itself, only how long it is.
      throw new IllegalArgumentException("RAPPORT_PULSE_SECRET must be at least " + SECRET_MIN + " random "
          + "characters (it has " + secret.length() + "); make one with `openssl rand -hex 32`");
    }
    // Unset (an empty variable, or built in code): the defaults. A set value out of range fails start-up.
    remindBefore = remindBefore == null ? Duration.ofHours(24) : remindBefore;
    retention = retention == null ? Duration.ofDays(730) : retention;
  }

  /** The smallest number of answers that shows each question's 1–5 counts (2k). */
  int distributionFrom() {
    return 2 * minResponses;
  }

  @Override
  public String toString() {
    // The secret never reaches a log line.
    return "PulseSettings[minResponses=" + minResponses + ", secret=" + (secret == null ? "-" : "***")
        + ", remindBefore=" + remindBefore + ", retention=" + retention + ", rewriteAof=" + rewriteAof + "]";
  }
}
