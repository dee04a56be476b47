package dev.rapport.pairing.matching;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A group formed in an earlier round. Members who have since left the pool are ignored. */
public record PastGroup(List<String> members, Instant at) {

  public PastGroup {
    members = List.copyOf(Objects.requireNonNull(members, "members"));
    Objects.requireNonNull(at, "at");
  }
}
