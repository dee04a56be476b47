package dev.rapport.pairing;

import dev.rapport.pairing.matching.Group;
import dev.rapport.pairing.matching.GroupMatcher;
import dev.rapport.pairing.matching.MatchRequest;
import dev.rapport.pairing.matching.Member;
import dev.rapport.pairing.matching.PastGroup;
import dev.rapport.pairing.matching.UnmatchablePoolException;
import dev.rapport.people.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Forms a round's groups from the people taking part: the program's recent groups go to the matcher (so people
 * meet someone new), and so do everyone's do-not-pair lists and, where a manager field is set, who manages whom
 * ({@link SkipLevel}). Someone who can't be placed with every list kept
 * is left out and the rest matched again (three tries at most). What was true then is counted
 * ({@link RoundFigures}).
 */
@Component
class RoundForming {

  private final RoundStore rounds;
  private final ChoiceStore choices;
  private final GroupMatcher matcher;
  private final PairingSettings settings;
  private final SkipLevel skipLevel;

  RoundForming(RoundStore rounds, ChoiceStore choices, GroupMatcher matcher, PairingSettings settings,
               SkipLevel skipLevel) {
    this.rounds = rounds;
    this.choices = choices;
    this.matcher = matcher;
    this.settings = settings;
    this.skipLevel = skipLevel;
  }

  Round form(String team, Program program, String roundId, Instant at, Instant ends, Participants.Members members) {
    List<Round> past = rounds.recent(team, program.channel(), settings.historyRounds());
    List<PastGroup> history = new ArrayList<>();
    past.forEach(r -> r.groups().forEach(g -> history.add(new PastGroup(Round.named(g), r.at()))));
    List<String> eligible = new ArrayList<>(members.eligible());
    List<String> unplaced = new ArrayList<>();
    List<List<String>> groups = List.of();
    if (eligible.size() >= 2) {
      // The skip-level guard's pairs go in as do-not-pair entries: nothing anyone reads says why.
      Map<String, Set<String>> avoid = new java.util.HashMap<>(choices.avoided(team, eligible));
      skipLevel.exclusions(team, program, eligible).forEach((user, managers) ->
          avoid.merge(user, managers, (a, b) -> {
            Set<String> both = new java.util.HashSet<>(a);
            both.addAll(b);
            return both;
          }));
      for (int attempt = 0; attempt < 3 && eligible.size() >= 2; attempt++) {
        try {
          groups = matcher.match(new MatchRequest(toMembers(eligible, members), history, program.size(), avoid,
              seed(team, program.channel()))).stream().map(Group::members).toList();
          break;
        } catch (UnmatchablePoolException e) {
          unplaced.addAll(e.unplaceable());
          eligible.removeAll(e.unplaceable());
        }
      }
    }
    if (eligible.size() == 1 && groups.isEmpty()) {
      unplaced.addAll(eligible);
    }
    return new Round(program.channel(), roundId, at, members.eligible().size(), groups, unplaced,
        RoundFigures.firstMeetings(groups, history), RoundFigures.crossTeam(groups, members.departments(), true),
        RoundFigures.crossTeam(groups, members.departments(), false), ends);
  }

  private static List<Member> toMembers(List<String> eligible, Participants.Members members) {
    return eligible.stream().map(user -> {
      Profile p = members.profiles().get(user);
      String department = members.departments().get(user);
      return Participants.zoneKnown(p) ? new Member(user, p.utcOffsetSeconds() / 60, null, department)
          : Member.zoneUnknown(user, department);
    }).toList();
  }

  /** Stable per channel: the matcher derives its round-robin schedule from it. */
  static long seed(String team, String channel) {
    return ((long) team.hashCode() << 32) ^ channel.hashCode();
  }
}
