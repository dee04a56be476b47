package dev.rapport.pairing;

import java.util.Optional;

/**
 * One round of one channel's program. Encoded {@code channel:round} as the target of the round's one-off
 * schedules (its check-ins, a {@code /coffee now}); its notes' delivery keys start {@code pairing:channel:round:}.
 */
record RoundRef(String channel, String round) {

  /** {@code channel:round}. */
  String encode() {
    return channel + ":" + round;
  }

  /** Read back from {@link #encode()}; empty for anything else. */
  static Optional<RoundRef> parse(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split(":", 2);
    return parts.length == 2 ? Optional.of(new RoundRef(parts[0], parts[1])) : Optional.empty();
  }

  GroupRef group(int group) {
    return new GroupRef(channel, round, group);
  }

  /** The delivery key of a note of this round, e.g. {@code pairing:C1:r1:left-out:0}; {@code note} says which. */
  String deliveryKey(String note) {
    return "pairing:" + channel + ":" + round + ":" + note;
  }
}
