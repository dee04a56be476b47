package dev.rapport.pairing.matching;

import java.util.List;

/** Splits one round's pool of members into coffee groups. */
public interface GroupMatcher {

  List<Group> match(MatchRequest request);
}
