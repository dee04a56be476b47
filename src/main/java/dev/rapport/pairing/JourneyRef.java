package dev.rapport.pairing;

import java.util.Optional;

/**
 * One step of an onboarding journey. Encoded {@code channel:journey:step} as the target of the step's one-off
 * schedule: it names the journey by its id, never a person, so the schedule holds nobody's user id; its messages'
 * delivery keys start {@code pairing:channel:journey:id:}.
 */
record JourneyRef(String channel, String journey, int step) {

  String encode() {
    return channel + ":" + journey + ":" + step;
  }

  /** Read back from {@link #encode()}; empty for anything else. */
  static Optional<JourneyRef> parse(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split(":", -1);
    return parts.length == 3 && parts[2].matches("\\d{1,2}")
        ? Optional.of(new JourneyRef(parts[0], parts[1], Integer.parseInt(parts[2]))) : Optional.empty();
  }

  /** The delivery key of a message of this journey, e.g. {@code pairing:C1:journey:j1:intro}. */
  String deliveryKey(String note) {
    return "pairing:" + channel + ":journey:" + journey + ":" + note;
  }
}
