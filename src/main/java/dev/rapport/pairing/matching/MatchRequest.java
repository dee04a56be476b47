package dev.rapport.pairing.matching;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one round of matching needs.
 *
 * @param history earlier groups; ids no longer in the pool are ignored
 * @param groupSize 2, 3 or 4; the remainder is absorbed by groups one bigger
 * @param doNotPair who must never share a group; read as symmetric
 * @param seed keep it stable per pairing channel: the round-robin schedule is derived from it, so
 *     a new seed every round restarts the schedule and costs coverage
 */
public record MatchRequest(
    List<Member> pool,
    List<PastGroup> history,
    int groupSize,
    Map<String, Set<String>> doNotPair,
    long seed) {

  public MatchRequest {
    pool = List.copyOf(Objects.requireNonNull(pool, "pool"));
    history = List.copyOf(Objects.requireNonNull(history, "history"));
    Objects.requireNonNull(doNotPair, "doNotPair");
    if (groupSize < 2 || groupSize > 4) {
      throw new IllegalArgumentException("groupSize must be 2, 3 or 4: " + groupSize);
    }
    Set<String> ids = new HashSet<>();
    for (Member member : pool) {
      if (!ids.add(member.id())) {
        throw new IllegalArgumentException("duplicate member id in pool: " + member.id());
      }
    }
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    doNotPair.forEach((id, avoided) -> copy.put(id, Set.copyOf(avoided)));
    doNotPair = Map.copyOf(copy);
  }
}
