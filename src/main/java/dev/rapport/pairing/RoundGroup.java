package dev.rapport.pairing;

import java.time.Instant;
import java.util.List;

/**
 * One group of a stored round: when the round was formed, who is in the group, and where it meets and why (programs
 * by office; null otherwise).
 */
record RoundGroup(Instant at, List<String> members, String place) {

  RoundGroup(Instant at, List<String> members) {
    this(at, members, null);
  }
}
