package dev.rapport.pulse;

/**
 * One period of one channel's pulse. Encoded {@code channel|period}: the value of an invitation's Answer
 * button (in messages already sent, so the format stays) and the answer modal's private metadata.
 */
record PeriodRef(String channel, String period) {

  /** {@code channel|period}. */
  String encode() {
    return channel + "|" + period;
  }

  /** Read back from {@link #encode()}; anything else (a forged value) is refused. */
  static PeriodRef parse(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\|");
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("not a pulse target");
    }
    return new PeriodRef(parts[0], parts[1]);
  }
}
