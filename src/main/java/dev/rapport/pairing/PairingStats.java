package dev.rapport.pairing;

import dev.rapport.outbox.Outbox;
import dev.rapport.outbox.OutboxStats;
import dev.rapport.outbox.Undelivered;
import dev.rapport.slack.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code /coffee stats}: how a program is doing, for HR. */
@Component
class PairingStats {

  static final int ROUNDS_FOR_RATES = 52;
  static final Duration PROBLEMS_WINDOW = Duration.ofDays(7 * 8);

  /** The figures behind the message, for tests and for the message itself. */
  record Figures(long rounds, int lastPool, int paused, long intros, int asked, int met, int groups,
                 int firstMeetings, int crossTeam, int crossTeamKnown, OutboxStats deliveries) {}

  private final ProgramStore programs;
  private final RoundStore rounds;
  private final Outbox outbox;
  private final Clock clock;

  PairingStats(ProgramStore programs, RoundStore rounds, Outbox outbox, Clock clock) {
    this.programs = programs;
    this.rounds = rounds;
    this.outbox = outbox;
    this.clock = clock;
  }

  Figures figures(String team, String channel) {
    List<Round> recent = rounds.recent(team, channel, ROUNDS_FOR_RATES);
    int asked = 0;
    int met = 0;
    int groups = 0;
    int first = 0;
    int cross = 0;
    int known = 0;
    for (Round round : recent) {
      int[] counted = new int[3];
      count(team, round, counted);
      asked += counted[0];
      met += counted[1];
      groups += round.groups().size();
      first += round.firstMeetings();
      cross += round.crossTeam();
      known += round.crossTeamKnown();
    }
    int lastPool = recent.isEmpty() ? 0 : recent.get(recent.size() - 1).pool();
    return new Figures(rounds.roundCount(team, channel), lastPool,
        programs.paused(team, channel, clock.instant()).size(), rounds.introsSent(team, channel), asked, met,
        groups, first, cross, known, outbox.stats(team));
  }

  /** A program's latest round, and of its intros that arrived how many said they met so far. */
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

  /** Adds a round's intros that arrived ({@code [0]}) and, of those, the ones that met ({@code [1]}). */
  private void count(String team, Round round, int[] counted) {
    Map<String, String> landed = rounds.dms(team, round.channel(), round.id());
    Map<String, String> outcomes = rounds.outcomes(team, round.channel(), round.id());
    counted[0] += landed.size();
    counted[1] += (int) outcomes.entrySet().stream()
        .filter(e -> landed.containsKey(e.getKey()) && "met".equals(e.getValue())).count();
  }

  Reply render(String team, Program program) {
    Figures f = figures(team, program.channel());
    StringBuilder text = new StringBuilder(":bar_chart: *Coffee pairing in <#" + program.channel() + ">* — "
        + program.describe() + "\n");
    text.append("• Rounds run: ").append(f.rounds()).append('\n');
    text.append("• People in the pool (last round): ").append(f.lastPool()).append('\n');
    text.append("• Paused now: ").append(f.paused()).append('\n');
    text.append("• Intros sent: ").append(f.intros()).append('\n');
    text.append("• Meeting rate: ").append(rate(f.met(), f.asked())).append(" (").append(f.met()).append(" of ")
        .append(f.asked()).append(" groups asked said they met)\n");
    text.append("• First meetings: ").append(rate(f.firstMeetings(), f.groups()))
        .append(" of groups had never met before\n");
    text.append("• Cross-team: ").append(program.departments() == Program.Departments.NONE
        ? "departments aren't used (`/coffee settings` to turn them on)"
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
    return whole == 0 ? "–" : Math.round(100.0 * part / whole) + "%";
  }
}
