package dev.rapport.pairing;

import dev.rapport.people.Directory;
import dev.rapport.people.Profile;
import dev.rapport.people.Tenure;
import dev.rapport.slack.SlackCallException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Picks a new hire's onboarding buddy from the pool: the program's user group of buddies, or else the channel's
 * members. A buddy is a real, active member (a guest only where the program takes guests), has been in the
 * workspace at least as long as the new hire ({@link Tenure}), is around (not paused or out of the program, no
 * away status, not on a journey of their own), is neither the new hire's manager nor managed by them
 * ({@link SkipLevel}), and neither of the two keeps the other on a do-not-pair list. Among those, whoever buddies
 * the fewest new hires right now, ties drawn by the journey's id, so buddying is shared and stays put on a re-run.
 */
@Component
class BuddyPicker {

  /** At most this many candidates' manager fields are read to find one who passes the skip-level guard. */
  static final int MANAGER_CHECKS = 25;

  private final Directory directory;
  private final UserGroups groups;
  private final ChoiceStore choices;
  private final JourneyStore journeys;
  private final Tenure tenure;
  private final SkipLevel skipLevel;

  BuddyPicker(Directory directory, UserGroups groups, ChoiceStore choices, JourneyStore journeys, Tenure tenure,
              SkipLevel skipLevel) {
    this.directory = directory;
    this.groups = groups;
    this.choices = choices;
    this.journeys = journeys;
    this.tenure = tenure;
    this.skipLevel = skipLevel;
  }

  Optional<String> pick(String team, Program program, Onboarding onboarding, Journey journey, Instant now)
      throws SlackCallException {
    String channel = program.channel();
    String hire = journey.hire();
    List<String> pool = pool(team, channel, onboarding);
    List<String> everyone = new ArrayList<>(pool);
    everyone.add(hire);
    Map<String, Profile> profiles = directory.profiles(team, everyone);
    Profile newHire = profiles.get(hire);
    // Their Slack start date where the workspace keeps one; else when they joined, or the date an admin gave.
    Instant hireSince = newHire != null && (journey.joined() || newHire.slackStartDate().isPresent())
        ? tenure.since(team, newHire) : journey.start();
    Map<String, JourneyStore.Entry> entries = journeys.entries(team, channel);
    Map<String, Integer> load = new HashMap<>();
    entries.values().stream().filter(e -> e.activeAt(now) && e.buddy() != null)
        .forEach(e -> load.merge(e.buddy(), 1, Integer::sum));
    Set<String> left = choices.left(team, channel);
    Set<String> paused = choices.paused(team, channel, now).keySet();
    Set<String> hireAvoids = choices.avoided(team, hire);
    Map<String, Set<String>> avoided = choices.avoided(team, pool);
    Map<String, Instant> since = tenure.since(team, pool.stream().map(profiles::get)
        .filter(p -> p != null && p.isHuman()).toList());
    List<String> candidates = new ArrayList<>();
    for (String user : pool) {
      Profile p = profiles.get(user);
      JourneyStore.Entry own = entries.get(user);
      if (user.equals(hire) || p == null || !p.isHuman() || (p.guest() && !program.guests()) || p.awayAt(now)
          || left.contains(user) || paused.contains(user) || (own != null && own.activeAt(now))
          || hireAvoids.contains(user) || avoided.getOrDefault(user, Set.of()).contains(hire)
          || !since.containsKey(user) || since.get(user).isAfter(hireSince)) {
        continue;
      }
      candidates.add(user);
    }
    candidates.sort(Comparator.<String>comparingInt(u -> load.getOrDefault(u, 0))
        .thenComparingInt(u -> (journey.id() + "|" + u).hashCode()));
    return firstPastTheGuard(team, program, hire, candidates);
  }

  /** The buddy group's members, or the channel's; a group deleted since it was chosen is an empty pool. */
  private List<String> pool(String team, String channel, Onboarding onboarding) throws SlackCallException {
    if (onboarding.buddyGroup() == null) {
      return directory.members(team, channel);
    }
    try {
      return groups.members(team, onboarding.buddyGroup());
    } catch (SlackCallException e) {
      if (e.kind() == SlackCallException.Kind.API_ERROR) {
        return List.of();
      }
      throw e;
    }
  }

  /** The first candidate who is neither the new hire's manager nor managed by them, where managers are known. */
  private Optional<String> firstPastTheGuard(String team, Program program, String hire, List<String> candidates) {
    Optional<String> label = skipLevel.field(team, program);
    if (label.isEmpty() || candidates.isEmpty()) {
      return candidates.stream().findFirst();
    }
    Set<String> hiresManagers = skipLevel.managers(team, label.get(), hire).orElse(Set.of());
    int checked = 0;
    for (String candidate : candidates) {
      if (hiresManagers.contains(candidate)) {
        continue;
      }
      if (checked++ >= MANAGER_CHECKS) {
        break;
      }
      if (!skipLevel.managers(team, label.get(), candidate).orElse(Set.of()).contains(hire)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
