package dev.rapport.pairing;

import dev.rapport.outbox.Outbox;
import dev.rapport.outbox.OutboxStats;
import dev.rapport.outbox.Undelivered;
import dev.rapport.slack.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /coffee stats}: how a program is doing, for HR.
 *
 * <p>The meeting rate counts people, from each person's own answer: of the people whose intro arrived, the
 * share who met. Someone met if they said "We met", or — in a pair, where it takes both — their partner did
 * and they said nothing else. No answer counts as not met (it can't be known), so the rate is a floor; how
 * many answered is shown next to it.
 */
@Component
class PairingStats {

  static final int ROUNDS_FOR_RATES = 52;
  static final Duration PROBLEMS_WINDOW = Duration.ofDays(7 * 8);

  /**
   * The figures behind the message, for tests and for the message itself.
   *
   * @param asked people whose intro arrived
   * @param met of them, those who met (see the class comment)
   * @param answered of them, those who answered themselves
   */
  record Figures(long rounds, int lastPool, int paused, long intros, int asked, int met, int answered,
                 int groups, int firstMeetings, int crossTeam, int crossTeamKnown, OutboxStats deliveries) {}

  private final ChoiceStore choices;
  private final RoundStore rounds;
  private final RoundReplies replies;
  private final Outbox outbox;
  private final Clock clock;

  PairingStats(ChoiceStore choices, RoundStore rounds, RoundReplies replies, Outbox outbox, Clock clock) {
    this.choices = choices;
    this.rounds = rounds;
    this.replies = replies;
    this.outbox = outbox;
    this.clock = clock;
  }

  Figures figures(String team, String channel) {
    List<Round> recent = rounds.recent(team, channel, ROUNDS_FOR_RATES);
    int[] people = new int[3]; // asked, met, answered
    int groups = 0;
    int first = 0;
    int cross = 0;
    int known = 0;
    for (Round round : recent) {
      count(team, round, people);
      groups += round.groups().size();
      first += round.firstMeetings();
      cross += round.crossTeam();
      known += round.crossTeamKnown();
    }
    int lastPool = recent.isEmpty() ? 0 : recent.get(recent.size() - 1).pool();
    return new Figures(rounds.roundCount(team, channel), lastPool,
        choices.paused(team, channel, clock.instant()).size(), replies.introsSent(team, channel), people[0],
        people[1], people[2], groups, first, cross, known, outbox.stats(team));
  }

  /** Adds a round's people whose intro arrived, who met, and who answered, to {@code people}. */
  private void count(String team, Round round, int[] people) {
    CoffeeFacts.People counted = CoffeeFacts.people(round, replies.heard(team, round));
    people[0] += counted.asked().size();
    people[1] += counted.met().size();
    people[2] += counted.answered();
  }

  /** A program's latest round: the people whose intro arrived, and of those how many met so far. */
  record LastRound(Round round, int asked, int met) {}

  /** For the admins' Home: one round's reads, not 52 rounds'. */
  Optional<LastRound> lastRound(String team, String channel) {
    List<Round> last = rounds.recent(team, channel, 1);
    if (last.isEmpty()) {
      return Optional.empty();
    }
    int[] counted = new int[3];
    count(team, last.get(0), counted);
    return Optional.of(new LastRound(last.get(0), counted[0], counted[1]));
  }

  Reply render(String team, Program program) {
    Figures f = figures(team, program.channel());
    StringBuilder text = new StringBuilder(":bar_chart: *Coffee pairing in <#" + program.channel() + ">* — "
        + program.describe() + "\n");
    text.append("• Rounds run: ").append(f.rounds()).append('\n');
    text.append("• People in the pool (last round): ").append(f.lastPool()).append('\n');
    text.append("• Paused now: ").append(f.paused()).append('\n');
    text.append("• Intros sent: ").append(f.intros()).append('\n');
    text.append("• Meeting rate: ").append(f.asked() == 0 ? "no intros have arrived yet"
        : rate(f.met(), f.asked()) + " (" + f.met() + " of " + f.asked() + " people whose intro arrived met; "
            + f.answered() + " answered)").append('\n');
    text.append("• First meetings: ").append(f.groups() == 0 ? "no groups yet"
        : rate(f.firstMeetings(), f.groups()) + " of groups had never met before").append('\n');
    text.append("• Cross-team: ").append(program.departments() == Program.Departments.NONE
        ? "departments aren't used (`/coffee settings` to turn them on)"
        : f.crossTeamKnown() == 0 ? "no groups with known departments yet"
        : rate(f.crossTeam(), f.crossTeamKnown()) + " of groups with known departments spanned teams").append('\n');
    // This program's own failures only (not the workspace's), in plain words.
    Undelivered problems = outbox.undelivered(team, "pairing", program.channel(),
        clock.instant().minus(PROBLEMS_WINDOW));
    text.append("• Delivery problems: ").append(problems.isEmpty() ? "none" : problems.inWords("delivered"))
        .append('\n');
    if (f.deliveries().pending() > 0) {
      text.append("• Deliveries still on their way: ").append(f.deliveries().pending()).append('\n');
    }
    text.append("_Rates cover the last ").append(ROUNDS_FOR_RATES).append(" rounds; delivery problems the last ")
        .append(PROBLEMS_WINDOW.toDays() / 7).append(" weeks._");
    return Reply.text(text.toString());
  }

  private static String rate(int part, int whole) {
    return Math.round(100.0 * part / whole) + "%";
  }
}
