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
 * @param groupSize 2, 3 or 4; the remainder is absorbed by groups one bigger (cross-group rounds make pairs;
 *     hosted rounds take their size from the host's guests)
 * @param doNotPair exclusions: who must never share a group, for whatever reason (a private avoid list, a
 *     manager and their report, …); read as symmetric, and kept in every {@link Structure}
 * @param seed keep it stable per pairing channel: the round-robin schedule is derived from it, so
 *     a new seed every round restarts the schedule and costs coverage
 * @param structure the round's shape: {@link Structure#OPEN}, two sides, a host, or offices
 */
public record MatchRequest(
    List<Member> pool,
    List<PastGroup> history,
    int groupSize,
    Map<String, Set<String>> doNotPair,
    long seed,
    Structure structure) {

  public MatchRequest {
    pool = List.copyOf(Objects.requireNonNull(pool, "pool"));
    history = List.copyOf(Objects.requireNonNull(history, "history"));
    Objects.requireNonNull(doNotPair, "doNotPair");
    Objects.requireNonNull(structure, "structure");
    if (groupSize < 2 || groupSize > 4) {
      throw new IllegalArgumentException("groupSize must be 2, 3 or 4: " + groupSize);
    }
    Set<String> ids = new HashSet<>();
    for (Member member : pool) {
      if (!ids.add(member.id())) {
        throw new IllegalArgumentException("duplicate member id in pool: " + member.id());
      }
    }
    if (structure instanceof Structure.Sides sides) {
      if (groupSize != 2) {
        throw new IllegalArgumentException("cross-group rounds make pairs, not groups of " + groupSize);
      }
      for (String id : ids) {
        if (!sides.sideA().contains(id) && !sides.sideB().contains(id)) {
          throw new IllegalArgumentException("pool member on neither side: " + id);
        }
      }
    }
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    doNotPair.forEach((id, avoided) -> copy.put(id, Set.copyOf(avoided)));
    doNotPair = Map.copyOf(copy);
  }

  /** A round of groups of the whole pool. */
  public MatchRequest(List<Member> pool, List<PastGroup> history, int groupSize,
      Map<String, Set<String>> doNotPair, long seed) {
    this(pool, history, groupSize, doNotPair, seed, Structure.OPEN);
  }

  /** The same request with another shape. */
  public MatchRequest with(Structure other) {
    return new MatchRequest(pool, history, groupSize, doNotPair, seed, other);
  }

  /**
   * The same request with more exclusions added to the ones it has (e.g. nobody with their own manager, on
   * top of people's avoid lists).
   */
  public MatchRequest excluding(Map<String, Set<String>> more) {
    Map<String, Set<String>> merged = new LinkedHashMap<>();
    doNotPair.forEach((id, avoided) -> merged.put(id, new HashSet<>(avoided)));
    more.forEach((id, avoided) -> merged.computeIfAbsent(id, k -> new HashSet<>()).addAll(avoided));
    return new MatchRequest(pool, history, groupSize, merged, seed, structure);
  }
}
