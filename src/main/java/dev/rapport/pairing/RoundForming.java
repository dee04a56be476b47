package dev.rapport.pairing;

import dev.rapport.pairing.matching.Group;
import dev.rapport.pairing.matching.GroupMatcher;
import dev.rapport.pairing.matching.MatchRequest;
import dev.rapport.pairing.matching.Member;
import dev.rapport.pairing.matching.PastGroup;
import dev.rapport.pairing.matching.Structure;
import dev.rapport.pairing.matching.UnmatchablePoolException;
import dev.rapport.people.Profile;
import dev.rapport.slack.SlackCallException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Forms a round's groups from the people taking part: the program's recent groups go to the matcher (so people
 * meet someone new), and so do everyone's do-not-pair lists and, where a manager field is set, who manages whom
 * ({@link SkipLevel}). Someone who can't be placed with every list kept is left out and the rest matched again
 * (three tries at most). The program's type shapes the round ({@link ProgramShapes}): who of the eligible takes
 * part and how they are grouped; a cross-group program's rotation is kept after each round. What was true then is
 * counted ({@link RoundFigures}).
 */
@Component
class RoundForming {

  private final RoundStore rounds;
  private final ChoiceStore choices;
  private final GroupMatcher matcher;
  private final PairingSettings settings;
  private final SkipLevel skipLevel;
  private final ProgramShapes shapes;
  private final ProgramStore programs;

  RoundForming(RoundStore rounds, ChoiceStore choices, GroupMatcher matcher, PairingSettings settings,
               SkipLevel skipLevel, ProgramShapes shapes, ProgramStore programs) {
    this.rounds = rounds;
    this.choices = choices;
    this.matcher = matcher;
    this.settings = settings;
    this.skipLevel = skipLevel;
    this.shapes = shapes;
    this.programs = programs;
  }

  Round form(String team, Program program, String roundId, Instant at, Instant ends, Participants.Members members)
      throws SlackCallException {
    List<Round> past = rounds.recent(team, program.channel(), settings.historyRounds());
    List<PastGroup> history = new ArrayList<>();
    past.forEach(r -> r.groups().forEach(g -> history.add(new PastGroup(Round.named(g), r.at()))));
    ProgramShapes.Shape shape = shapes.of(team, program, members.eligible());
    List<String> eligible = new ArrayList<>(shape.pool());
    List<String> unplaced = new ArrayList<>();
    List<List<String>> groups = List.of();
    List<String> places = List.of();
    if (eligible.size() >= 2) {
      Map<String, Set<String>> avoid = choices.avoided(team, eligible);
      // The skip-level guard's pairs go in as do-not-pair entries: nothing anyone reads says why.
      Map<String, Set<String>> managers = skipLevel.exclusions(team, program, roundId, eligible);
      for (int attempt = 0; attempt < 3 && eligible.size() >= 2; attempt++) {
        try {
          List<Group> matched = matcher.match(new MatchRequest(toMembers(eligible, members), history,
              shape.structure() instanceof Structure.Sides ? 2 : program.size(), avoid, seed(team, program.channel()),
              shape.structure()).excluding(managers));
          groups = matched.stream().map(Group::members).toList();
          places = ProgramShapes.places(shape.structure(), matched);
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
    if (shape.structure() instanceof Structure.Sides sides) {
      keepTurns(team, program.channel(), roundId, sides, groups);
    }
    return new Round(program.channel(), roundId, at, members.eligible().size(), groups, unplaced,
        RoundFigures.firstMeetings(groups, history), RoundFigures.crossTeam(groups, members.departments(), true),
        RoundFigures.crossTeam(groups, members.departments(), false), ends, places);
  }

  /** Who on either side was placed moves to the back of the rotation; who waited moves up. */
  private void keepTurns(String team, String channel, String roundId, Structure.Sides sides,
                         List<List<String>> groups) {
    Set<String> placed = new HashSet<>();
    groups.forEach(placed::addAll);
    Map<String, Integer> turns = new HashMap<>();
    for (Set<String> side : List.of(sides.sideA(), sides.sideB())) {
      side.forEach(user -> turns.put(user, Structure.Sides.afterRound(sides.turns().getOrDefault(user, 0),
          placed.contains(user))));
    }
    programs.saveTurns(team, channel, roundId, turns);
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
