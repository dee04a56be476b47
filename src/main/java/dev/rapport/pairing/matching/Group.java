package dev.rapport.pairing.matching;

import java.util.List;
import java.util.Objects;

/** One group of the round, by member id. */
public record Group(List<String> members) {

  public Group {
    members = List.copyOf(Objects.requireNonNull(members, "members"));
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a group needs members");
    }
  }
}
