package dev.rapport.pairing;

import dev.rapport.people.Profile;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.UserError;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs one round of a program, step by step: counts who went quiet in rounds whose cycle ended ({@link Ghosts}),
 * reads who takes part ({@link Participants}), forms the groups ({@link RoundForming}), records the round,
 * hands intros and notes to the outbox ({@link IntroDelivery}), then books the mid-cycle check-in
 * ({@link CheckIns}). Running the same round id again does not match again: it finishes recording the round
 * and re-sends whatever the outbox has not delivered yet, so a crash at any step of a round loses and
 * duplicates nothing ({@link RoundStore.Step}).
 */
@Component
class RoundRunner {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RoundRunner.class);

  /** A round booked with {@code /coffee now}: target {@code channel:roundId}. */
  static final String NOW = "pairing-now";

  private final ProgramStore programs;
  private final RoundStore rounds;
  private final Participants participants;
  private final RoundForming forming;
  private final IntroDelivery intros;
  private final CheckIns checkIns;
  private final Ghosts ghosts;
  private final ApplicationEventPublisher events;

  RoundRunner(ProgramStore programs, RoundStore rounds, Participants participants, RoundForming forming,
              IntroDelivery intros, CheckIns checkIns, Ghosts ghosts, ApplicationEventPublisher events) {
    this.programs = programs;
    this.rounds = rounds;
    this.participants = participants;
    this.forming = forming;
    this.intros = intros;
    this.checkIns = checkIns;
    this.ghosts = ghosts;
    this.events = events;
  }

  Round run(String team, String channel, String roundId, Instant at) throws SlackCallException {
    Program program = programs.find(team, channel).orElseThrow(() -> new UserError(
        "<#" + channel + "> has no coffee pairing program. An admin can start one with `/coffee start`."));
    long started = System.nanoTime();
    Round round = rounds.find(team, channel, roundId).orElse(null);
    Map<String, Profile> profiles = null;
    boolean formed = round == null;
    long read = started;
    long matched = started;
    if (formed) {
      ghosts.tally(team, program, at);
      rounds.passed(RoundStore.Step.TALLIED);
      Participants.Members members = participants.read(team, program, at);
      read = System.nanoTime();
      round = rounds.create(team, forming.form(team, program, roundId, at, cycleEnd(team, program, at), members));
      matched = System.nanoTime();
      profiles = members.profiles();
      events.publishEvent(formed(team, program, round, members));
    } else {
      // A retry after a crash: whatever the first run had not finished recording is finished now.
      rounds.record(team, round);
    }
    intros.deliver(team, program, round, profiles);
    rounds.passed(RoundStore.Step.INTROS_QUEUED);
    if (formed) {
      long queued = System.nanoTime();
      log.info("Round {} in {} of {}: {} people in {} groups in {} ms (pool read {} ms, matched and recorded {} ms, "
          + "intros queued {} ms)", round.id(), channel, team, round.pool(), round.groups().size(),
          (queued - started) / 1_000_000, (read - started) / 1_000_000, (matched - read) / 1_000_000,
          (queued - matched) / 1_000_000);
    }
    checkIns.book(team, program, round, at);
    return round;
  }

  /** What insights keep of a round just formed: placed members' departments, and who could have taken part. */
  private static RoundFormed formed(String team, Program program, Round round, Participants.Members members) {
    Map<String, String> departments = new HashMap<>();
    round.placed().forEach(u -> {
      String department = members.departments().get(u);
      if (department != null) {
        departments.put(u, department);
      }
    });
    int could = (int) members.profiles().values().stream()
        .filter(p -> p.isHuman() && (program.guests() || !p.guest())).count();
    return new RoundFormed(team, program.channel(), round.id(), round.at(), departments, could);
  }

  /**
   * When a round formed at {@code at} ends: the program's next round, if one is booked after it (a round run
   * with {@code /coffee now} may have moved it), else the cadence's next occurrence.
   */
  private Instant cycleEnd(String team, Program program, Instant at) {
    return programs.nextRound(team, program.channel()).filter(next -> next.isAfter(at))
        .orElseGet(() -> program.cadence().next(at));
  }
}
