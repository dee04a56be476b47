package dev.rapport.pairing;

import java.time.Instant;
import java.util.List;

/** One group of a stored round: when the round was formed, and who is in the group. */
record RoundGroup(Instant at, List<String> members) {}
