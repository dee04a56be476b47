package dev.rapport.pairing.matching;

import java.util.List;
import java.util.Objects;

/**
 * One group of the round, by member id.
 *
 * @param office where the group meets in person, in a round with {@link Structure.Offices}; null otherwise (and
 *     for a group that meets by video)
 */
public record Group(List<String> members, String office) {

  public Group {
    members = List.copyOf(Objects.requireNonNull(members, "members"));
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a group needs members");
    }
  }

  /** A group with no office: any round but one by office, or a video group. */
  public Group(List<String> members) {
    this(members, null);
  }

  /** The same members, meeting in person at {@code place}. */
  Group at(String place) {
    return new Group(members, place);
  }
}
