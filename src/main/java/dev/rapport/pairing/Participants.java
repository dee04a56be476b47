package dev.rapport.pairing;

import dev.rapport.people.Directory;
import dev.rapport.people.Profile;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who takes part in a round: the channel's human members (no bots, no deactivated accounts, no guests
 * unless the program allows them), minus those who left the program or are paused (ghosts included) and those
 * whose Slack status says they're out of office (told nothing; back next round) and new hires still on their
 * onboarding journey ({@link JourneyStore}); and the time zones intros
 * suggest a time from.
 */
@Component
class Participants {

  /** The people of one round, with what the matcher needs to know of them. */
  record Members(List<String> eligible, Map<String, Profile> profiles, Map<String, String> departments) {}

  private final Directory directory;
  private final ProgramStore programs;
  private final ChoiceStore choices;
  private final SlackGateway slack;
  private final JourneyStore journeys;

  Participants(Directory directory, ProgramStore programs, ChoiceStore choices, SlackGateway slack,
               JourneyStore journeys) {
    this.directory = directory;
    this.programs = programs;
    this.choices = choices;
    this.slack = slack;
    this.journeys = journeys;
  }

  Members read(String team, Program program, Instant now) throws SlackCallException {
    List<String> members = directory.members(team, program.channel());
    programs.rememberMembers(team, program.channel(), members);
    Map<String, Profile> profiles = directory.profiles(team, members);
    Set<String> left = choices.left(team, program.channel());
    Set<String> paused = choices.paused(team, program.channel(), now).keySet();
    List<String> eligible = new ArrayList<>();
    Instant back = backBy(now);
    // New hires on an onboarding journey (or waiting for its start) join the rounds once it is over.
    Set<String> onJourney = new java.util.HashSet<>();
    journeys.entries(team, program.channel()).values().stream().filter(e -> e.activeAt(now))
        .forEach(e -> onJourney.add(e.hire()));
    for (String member : members) {
      Profile profile = profiles.get(member);
      if (profile != null && profile.isHuman() && (program.guests() || !profile.guest())
          && !left.contains(member) && !paused.contains(member) && !profile.awayAt(back)
          && !onJourney.contains(member)) {
        eligible.add(member);
      }
    }
    return new Members(eligible, profiles, departments(team, program, eligible, profiles));
  }

  /**
   * Someone whose Slack status says they're away is skipped, quietly, when it says so at this moment: the earliest
   * time an intro suggests is half a day after the round ({@link MeetingTime}), so a status that clears before
   * then doesn't keep them out. They are back in the next round whose moment finds them back.
   */
  static Instant backBy(Instant round) {
    return round.plus(MeetingTime.NOT_BEFORE);
  }

  /** What the cached directory knows of {@code users} (time zones, names). */
  Map<String, Profile> profiles(String team, List<String> users) throws SlackCallException {
    return directory.profiles(team, users);
  }

  /** The names of {@code users} as Slack shows them (for calendar events), in order; unknown ones left out. */
  static List<String> names(List<String> users, Map<String, Profile> profiles) {
    return Round.named(users).stream().map(profiles::get).filter(p -> p != null && p.name() != null)
        .map(Profile::name).toList();
  }

  /**
   * UTC offsets (seconds) of the members whose time zone is known; members whose profile has none are left out
   * (unknown is not UTC).
   */
  static Map<String, Integer> offsets(Map<String, Profile> profiles) {
    Map<String, Integer> offsets = new HashMap<>();
    profiles.forEach((user, profile) -> {
      if (zoneKnown(profile)) {
        offsets.put(user, profile.utcOffsetSeconds());
      }
    });
    return offsets;
  }

  /** Slack leaves a profile's time zone empty when it doesn't know it; its offset 0 then means nothing. */
  static boolean zoneKnown(Profile profile) {
    return profile != null && profile.timeZone() != null && !profile.timeZone().isBlank();
  }

  private Map<String, String> departments(String team, Program program, List<String> eligible,
                                          Map<String, Profile> profiles) throws SlackCallException {
    Map<String, String> departments = new HashMap<>();
    switch (program.departments()) {
      case NONE -> { }
      case TITLE -> eligible.forEach(user -> {
        String title = profiles.get(user).title();
        if (title != null && !title.isBlank()) {
          departments.put(user, title.trim().toLowerCase());
        }
      });
      case USERGROUPS -> {
        var groups = slack.call(team, "usergroups.list",
            c -> c.usergroupsList(r -> r.includeUsers(true).includeDisabled(false))).getUsergroups();
        Set<String> wanted = Set.copyOf(eligible);
        for (var group : groups == null ? List.<com.slack.api.model.Usergroup>of() : groups) {
          for (String user : group.getUsers() == null ? List.<String>of() : group.getUsers()) {
            if (wanted.contains(user)) {
              departments.putIfAbsent(user, group.getHandle());
            }
          }
        }
      }
    }
    return departments;
  }
}
