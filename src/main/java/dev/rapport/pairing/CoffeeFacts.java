package dev.rapport.pairing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What pairing offers insights and the dashboard to read: the workspace's programs and their rounds, with who
 * was placed and who met. Read-only; every rule about what may be shown is the reader's (insights apply k).
 */
@Component
public class CoffeeFacts {

  /** A program as an admin sees it. */
  public record ProgramFacts(String channel, String cadence, int size, boolean guests, boolean departments,
                             Instant nextRound) {}

  /**
   * One round: its groups (forgotten members left out), and of the people whose intro arrived ({@code asked})
   * those who met (by their own answer or, in a pair, their partner's; see {@link PairingStats}).
   *
   * @param pool the people who took part (eligible) when it was formed
   */
  public record RoundFacts(String channel, String id, Instant at, int pool, List<List<String>> groups,
                           int firstMeetings, Set<String> asked, Set<String> met, int answered) {

    public RoundFacts {
      groups = groups.stream().map(List::copyOf).toList();
      asked = Set.copyOf(asked);
      met = Set.copyOf(met);
    }

    public int placed() {
      return groups.stream().mapToInt(List::size).sum();
    }
  }

  private final ProgramStore programs;
  private final RoundStore rounds;
  private final RoundReplies replies;

  CoffeeFacts(ProgramStore programs, RoundStore rounds, RoundReplies replies) {
    this.programs = programs;
    this.rounds = rounds;
    this.replies = replies;
  }

  /** The workspace's running programs, by channel id. */
  public List<ProgramFacts> programs(String team) {
    List<ProgramFacts> all = new ArrayList<>();
    for (String channel : programs.channels(team).stream().sorted().toList()) {
      programs.find(team, channel).ifPresent(p -> all.add(new ProgramFacts(channel, p.cadence().describe(),
          p.size(), p.guests(), p.departments() != Program.Departments.NONE,
          programs.nextRound(team, channel).orElse(null))));
    }
    return all;
  }

  /** The last {@code max} rounds of a program, oldest first. */
  public List<RoundFacts> rounds(String team, String channel, int max) {
    List<RoundFacts> facts = new ArrayList<>();
    for (Round round : rounds.recent(team, channel, max)) {
      People people = people(round, replies.heard(team, round));
      List<List<String>> groups = new ArrayList<>();
      for (int g = 0; g < round.groups().size(); g++) {
        groups.add(round.members(g));
      }
      facts.add(new RoundFacts(channel, round.id(), round.at(), round.pool(), groups, round.firstMeetings(),
          people.asked(), people.met(), people.answered()));
    }
    return facts;
  }

  /** The members of one group (forgotten members left out); empty when the round is no longer kept. */
  public List<String> group(String team, String channel, String round, int index) {
    return rounds.group(team, channel, round, index).map(g -> Round.named(g.members())).orElse(List.of());
  }

  /** What {@code user} last answered for their group in a round: "met", "not", or empty. */
  public java.util.Optional<String> answerOf(String team, String channel, String round, String user) {
    return java.util.Optional.ofNullable(replies.answers(team, channel, round).get(user));
  }

  /** Who in a round was asked (their intro arrived), who met, and how many answered themselves. */
  record People(Set<String> asked, Set<String> met, int answered) {}

  /**
   * The one count of who met: someone met if they said "We met", or — in a pair, where it takes both — their
   * partner did and they said nothing else; rounds from before per-person answers count the group's answer.
   */
  static People people(Round round, RoundReplies.Heard said) {
    Map<String, String> answers = said.answers();
    Set<String> asked = new HashSet<>();
    Set<String> met = new HashSet<>();
    int answered = 0;
    for (int g = 0; g < round.groups().size(); g++) {
      if (!said.landed(g)) {
        continue;
      }
      List<String> group = round.members(g);
      String groupAnswer = said.groupAnswer(g);
      for (String user : group) {
        String own = groupAnswer != null ? groupAnswer : answers.get(user);
        boolean partnerMet = group.size() == 2 && own == null
            && group.stream().anyMatch(u -> !u.equals(user) && "met".equals(answers.get(u)));
        asked.add(user);
        if ("met".equals(own) || partnerMet) {
          met.add(user);
        }
        answered += own != null ? 1 : 0;
      }
    }
    return new People(asked, met, answered);
  }
}
