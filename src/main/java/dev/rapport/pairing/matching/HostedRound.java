package dev.rapport.pairing.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Leader roulette: one group, the host and their guests; nobody else is grouped this round. Guests are those the
 * host has never met (or met longest ago, once they have met everyone), in canonical order, so over the rounds
 * the host meets the whole pool once before meeting anyone again. Among equals, guests who share working hours
 * with the host come first. Do-not-pair holds between the host and a guest and between guests.
 */
final class HostedRound {

  private HostedRound() {}

  static List<Group> match(MatchRequest request, Structure.Hosted hosted) {
    Pool pool = Pool.of(request);
    int host = pool.indexOf(hosted.host());
    if (host < 0 || pool.n < 2) {
      return List.of();
    }
    MeetingIndex meetings = MeetingIndex.of(request.history(), pool);
    Windows windows = Windows.of(pool.members);
    Integer[] order = new Integer[pool.n];
    for (int u = 0; u < pool.n; u++) {
      order[u] = u;
    }
    // Never met first (rank -1), then met longest ago; then shared hours with the host; then canonical order.
    Arrays.sort(order, Comparator.<Integer>comparingInt(u -> meetings.lastRank(host, u))
        .thenComparingInt(u -> windows.overlap(host, u) > 0 ? 0 : 1).thenComparingInt(u -> u));
    List<Integer> guests = new ArrayList<>();
    for (int u : order) {
      if (guests.size() < hosted.guests() && u != host && !pool.avoids(host, u)
          && guests.stream().noneMatch(g -> pool.avoids(g, u))) {
        guests.add(u);
      }
    }
    if (guests.isEmpty()) {
      return List.of();
    }
    List<String> members = new ArrayList<>();
    members.add(pool.id(host));
    guests.forEach(g -> members.add(pool.id(g)));
    members.sort(null);
    return List.of(new Group(members));
  }
}
