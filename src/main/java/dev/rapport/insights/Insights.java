package dev.rapport.insights;

import dev.rapport.pairing.CoffeeFacts;
import dev.rapport.pulse.PulseTrends;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What insights offer (the dashboard and {@code /coffee insights} read them here): the connection map, each
 * program's health and lasting ties, and each team's pulse with its milestones, every figure behind k.
 * Reads are bounded: at most {@value #ROUNDS} rounds a program, {@value #PERIODS} pulse periods a team.
 */
@Component
public class Insights {

  static final int ROUNDS = 200;
  static final int HEALTH_ROUNDS = 26;
  static final int PERIODS = 26;

  private final CoffeeFacts coffee;
  private final PulseTrends pulse;
  private final RoundDepartments departments;
  private final TieStore ties;
  private final Milestones milestones;
  private final Clock clock;

  Insights(CoffeeFacts coffee, PulseTrends pulse, RoundDepartments departments, TieStore ties,
           Milestones milestones, Clock clock) {
    this.coffee = coffee;
    this.pulse = pulse;
    this.departments = departments;
    this.ties = ties;
    this.milestones = milestones;
    this.clock = clock;
  }

  /** The threshold every insight keeps: the pulse's k. */
  public int k() {
    return pulse.k();
  }

  public Quarter currentQuarter() {
    return Quarter.of(clock.instant());
  }

  /** The map of {@code quarter} across the workspace's programs, with the change from the quarter before. */
  public ConnectionMap connectionMap(String team, Quarter quarter) {
    ConnectionMap.Meetings now = ConnectionMap.Meetings.empty();
    ConnectionMap.Meetings before = ConnectionMap.Meetings.empty();
    for (CoffeeFacts.ProgramFacts program : coffee.programs(team)) {
      for (CoffeeFacts.RoundFacts round : coffee.rounds(team, program.channel(), ROUNDS)) {
        ConnectionMap.Meetings into = quarter.contains(round.at()) ? now
            : quarter.previous().contains(round.at()) ? before : null;
        if (into != null) {
          add(team, round, into);
        }
      }
    }
    return ConnectionMap.of(quarter, now, before, k());
  }

  private void add(String team, CoffeeFacts.RoundFacts round, ConnectionMap.Meetings into) {
    RoundDepartments.Known known = departments.of(team, round.channel(), round.id());
    for (List<String> group : round.groups()) {
      for (String user : group) {
        String department = known.departments().get(user);
        if (department != null) {
          into.placed(user, department);
        }
      }
      for (String a : group) {
        for (String b : group) {
          if (a.compareTo(b) < 0 && round.met().contains(a) && round.met().contains(b)) {
            into.metEachOther(a, b);
          }
        }
      }
    }
  }

  /** Every running program's health, by channel. */
  public List<ProgramHealth> health(String team) {
    return coffee.programs(team).stream().map(p -> health(team, p)).toList();
  }

  public Optional<ProgramHealth> health(String team, String channel) {
    return coffee.programs(team).stream().filter(p -> p.channel().equals(channel)).findFirst()
        .map(p -> health(team, p));
  }

  private ProgramHealth health(String team, CoffeeFacts.ProgramFacts program) {
    int k = k();
    List<ProgramHealth.Round> rounds = new ArrayList<>();
    long pool = -1;
    for (CoffeeFacts.RoundFacts round : coffee.rounds(team, program.channel(), HEALTH_ROUNDS)) {
      int placed = round.placed();
      int could = departments.of(team, round.channel(), round.id()).couldTakePart();
      rounds.add(new ProgramHealth.Round(round.id(), round.at(), Rate.of(round.met().size(), round.asked().size(), k),
          Rate.of(round.firstMeetings(), round.groups().size(), placed, k),
          could < 0 ? Rate.none(k) : Rate.of(placed, Math.max(could, placed), k)));
      pool = KRule.shows(round.pool(), k) ? round.pool() : -1;
    }
    TieStore.Counts counts = ties.counts(team, program.channel());
    return new ProgramHealth(program.channel(), program.cadence(), pool, rounds,
        Rate.of(counts.yes(), counts.yes() + counts.no(), k), KRule.shows(counts.asked(), k) ? counts.asked() : -1,
        ProgramHealth.advice(rounds, pool));
  }

  /** The teams with a pulse that {@code user} may see: all for an admin, the ones they manage otherwise. */
  public List<String> pulseTeams(String team, String user, boolean admin) {
    return admin ? pulse.teams(team) : pulse.managedBy(team, user);
  }

  /** Whether {@code user} may see {@code channel}'s pulse: an admin, or one of its managers. */
  public boolean maySeePulse(String team, String channel, String user, boolean admin) {
    return admin ? pulse.teams(team).contains(channel) : pulse.manages(team, channel, user);
  }

  /** A team's pulse trend with the milestones of its channel over the same span (and the 4 weeks before). */
  public PulseContext pulse(String team, String channel) {
    List<PulseTrends.TeamPeriod> periods = pulse.trend(team, channel, PERIODS);
    Instant from = periods.isEmpty() ? clock.instant().minus(java.time.Duration.ofDays(182))
        : periods.get(0).opened().minus(java.time.Duration.ofDays(28));
    return new PulseContext(channel, k(), periods, milestones.of(team, channel, from, clock.instant()));
  }
}
