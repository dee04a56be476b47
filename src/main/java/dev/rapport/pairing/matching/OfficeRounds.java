package dev.rapport.pairing.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Rounds by office. Each office's members are matched among themselves (the engine's usual round, so each office
 * has its own coverage-optimal schedule) and meet in person there. Who has no local match — no known office, the
 * only one of their office this round, or someone who can't be placed in their office with everyone's
 * do-not-pair lists kept — meets in a video group. In hybrid mode, who has met everyone present from their
 * office (and not yet everyone else) meets people from other offices by video too.
 *
 * <p>A video pool of one borrows a member from an office that can spare one (three or more present, preferring
 * one whose groups have a bigger group to give up a seat), so nobody is left alone; with none to spare, the lone
 * member joins the office group where they meet most new faces, and that group meets by video.
 */
final class OfficeRounds {

  private static final long VIDEO_SALT = 0x71de0L;

  private OfficeRounds() {}

  static List<Group> match(MatchRequest request, Structure.Offices offices,
      Function<MatchRequest, List<Group>> open) {
    MatchRequest plain = request.with(Structure.OPEN);
    if (offices.mode() == Structure.Mode.VIRTUAL || request.pool().size() < 2) {
      return open.apply(plain);
    }
    Pool pool = Pool.of(request);
    MeetingIndex meetings = MeetingIndex.of(request.history(), pool);
    Map<String, List<Member>> byOffice = new TreeMap<>();
    List<Member> video = new ArrayList<>();
    for (Member member : request.pool()) {
      String office = offices.officeOf().get(member.id());
      if (office == null || office.isBlank()) {
        video.add(member);
      } else {
        byOffice.computeIfAbsent(office, o -> new ArrayList<>()).add(member);
      }
    }
    if (offices.mode() == Structure.Mode.HYBRID) {
      List<Member> everyone = request.pool();
      byOffice.values().forEach(members -> members.removeIf(m -> {
        boolean done = metEveryone(pool, meetings, members, m) && !metEveryone(pool, meetings, everyone, m);
        if (done) {
          video.add(m);
        }
        return done;
      }));
    }
    List<Group> groups = new ArrayList<>();
    Map<String, List<Group>> local = new TreeMap<>();
    for (Map.Entry<String, List<Member>> office : byOffice.entrySet()) {
      local.put(office.getKey(), matchOffice(plain, office.getKey(), office.getValue(), video, open));
    }
    if (video.size() == 1) {
      Member lone = video.get(0);
      Member borrowed = borrow(pool, meetings, plain, byOffice, lone);
      if (borrowed != null) {
        String office = offices.officeOf().get(borrowed.id());
        byOffice.get(office).remove(borrowed);
        video.add(borrowed);
        local.put(office, matchOffice(plain, office, byOffice.get(office), video, open));
      } else if (joinLocalGroup(pool, meetings, local, lone)) {
        video.clear();
      }
    }
    local.values().forEach(groups::addAll);
    if (video.size() >= 2) {
      groups.addAll(open.apply(sub(plain, video, plain.seed() ^ VIDEO_SALT)));
    } else if (video.size() == 1) {
      throw new UnmatchablePoolException(List.of(video.get(0).id()));
    }
    groups.sort(Comparator.comparing(group -> group.members().get(0)));
    return groups;
  }

  /** Matches one office; who can't be placed there with every do-not-pair list kept joins the video pool. */
  private static List<Group> matchOffice(MatchRequest plain, String office, List<Member> members,
      List<Member> video, Function<MatchRequest, List<Group>> open) {
    List<Member> here = new ArrayList<>(members);
    while (true) {
      if (here.size() < 2) {
        video.addAll(here);
        members.removeAll(here);
        return List.of();
      }
      try {
        return open.apply(sub(plain, here, plain.seed() ^ office.hashCode())).stream().map(g -> g.at(office))
            .toList();
      } catch (UnmatchablePoolException e) {
        List<Member> out = here.stream().filter(m -> e.unplaceable().contains(m.id())).toList();
        here.removeAll(out);
        members.removeAll(out);
        video.addAll(out);
      }
    }
  }

  private static MatchRequest sub(MatchRequest plain, List<Member> members, long seed) {
    return new MatchRequest(members, plain.history(), plain.groupSize(), plain.doNotPair(), seed);
  }

  /**
   * An office member who can spare a seat for a video pair with {@code lone}: from an office with three or more
   * present (first one whose groups have a bigger group), someone lone may meet, preferably new to them and
   * sharing working hours; null if no office can spare one.
   */
  private static Member borrow(Pool pool, MeetingIndex meetings, MatchRequest plain,
      Map<String, List<Member>> byOffice, Member lone) {
    int u = pool.indexOf(lone.id());
    Windows windows = Windows.of(pool.members);
    Member best = null;
    int[] bestKey = null;
    for (List<Member> members : byOffice.values()) {
      if (members.size() < 3) {
        continue;
      }
      int evenSplit = members.size() % plain.groupSize() == 0 ? 1 : 0;
      for (Member m : members) {
        int v = pool.indexOf(m.id());
        if (pool.avoids(u, v)) {
          continue;
        }
        int[] key = {evenSplit, meetings.met(u, v) ? 1 : 0, windows.overlap(u, v) > 0 ? 0 : 1, v};
        if (bestKey == null || java.util.Arrays.compare(key, bestKey) < 0) {
          best = m;
          bestKey = key;
        }
      }
    }
    return best;
  }

  /**
   * Puts lone into the office group where they meet most new people (and nobody they avoid); that group meets
   * by video. False if there is no such group.
   */
  private static boolean joinLocalGroup(Pool pool, MeetingIndex meetings, Map<String, List<Group>> local,
      Member lone) {
    int u = pool.indexOf(lone.id());
    String bestOffice = null;
    int bestIndex = -1;
    int bestNew = -1;
    for (Map.Entry<String, List<Group>> office : local.entrySet()) {
      for (int i = 0; i < office.getValue().size(); i++) {
        Group g = office.getValue().get(i);
        int fresh = 0;
        boolean allowed = true;
        for (String id : g.members()) {
          int v = pool.indexOf(id);
          allowed &= !pool.avoids(u, v);
          fresh += meetings.met(u, v) ? 0 : 1;
        }
        if (allowed && fresh > bestNew) {
          bestOffice = office.getKey();
          bestIndex = i;
          bestNew = fresh;
        }
      }
    }
    if (bestOffice == null) {
      return false;
    }
    List<Group> groups = new ArrayList<>(local.get(bestOffice));
    List<String> members = new ArrayList<>(groups.get(bestIndex).members());
    members.add(lone.id());
    members.sort(null);
    groups.set(bestIndex, new Group(members, null));
    local.put(bestOffice, groups);
    return true;
  }

  /** Whether {@code m} has met everyone in {@code others} they may meet (do-not-pair excluded). */
  private static boolean metEveryone(Pool pool, MeetingIndex meetings, List<Member> others, Member m) {
    int u = pool.indexOf(m.id());
    for (Member other : others) {
      int v = pool.indexOf(other.id());
      if (v != u && !meetings.met(u, v) && !pool.avoids(u, v)) {
        return false;
      }
    }
    return true;
  }
}
