package dev.rapport.pulse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pulse settings, bound from {@code rapport.pulse.*} and the matching variables.
 *
 * @param minResponses k ({@code RAPPORT_PULSE_MIN_RESPONSES}): a period's results, and its comments, are
 *     shown only with at least this many answers, and a pulse starts only in a channel with at least this
 *     many people. Never below {@value #FLOOR}: a lower value fails startup, since it would let a manager
 *     read one or two people's answers.
 * @param secret key of the hashes that block a second answer ({@code RAPPORT_PULSE_SECRET}); never stored
 *     in Redis. When unset, a key is derived from the Slack signing secret (or the app token).
 * @param remindBefore how long before a period closes the one reminder goes out (at most half the period)
 * @param retention how long a period's aggregates are kept after it opens
 */
@ConfigurationProperties("rapport.pulse")
record PulseSettings(
    @DefaultValue("5") int minResponses,
    String secret,
    @DefaultValue("24h") Duration remindBefore,
    @DefaultValue("730d") Duration retention) {

  static final int FLOOR = 3;

  PulseSettings {
    if (minResponses < FLOOR) {
      throw new IllegalArgumentException("RAPPORT_PULSE_MIN_RESPONSES (rapport.pulse.min-responses) must be "
          + "at least " + FLOOR + " so nobody's answers can be singled out; got " + minResponses);
    }
    secret = secret == null || secret.isBlank() ? null : secret;
    if (remindBefore == null || remindBefore.isNegative() || remindBefore.isZero()) {
      remindBefore = Duration.ofHours(24);
    }
    if (retention == null || retention.compareTo(Duration.ofDays(7)) < 0) {
      retention = Duration.ofDays(730);
    }
  }

  @Override
  public String toString() {
    // The secret never reaches a log line.
    return "PulseSettings[minResponses=" + minResponses + ", secret=" + (secret == null ? "-" : "***")
        + ", remindBefore=" + remindBefore + ", retention=" + retention + "]";
  }
}
