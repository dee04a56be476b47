package dev.rapport.pairing;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.pairing.matching.Group;
import dev.rapport.pairing.matching.MatchRequest;
import dev.rapport.pairing.matching.Matcher;
import dev.rapport.pairing.matching.Member;
import dev.rapport.pairing.matching.PastGroup;
import dev.rapport.pairing.matching.UnmatchablePoolException;
import dev.rapport.people.Profile;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.UserError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Runs one round of a program: counts who went quiet in rounds whose cycle ended ({@link Ghosts}), reads the pool,
 * matches it, records the round, and hands intros (and the kind notes to anyone left out) to the outbox,
 * then books the mid-cycle check-in. Running the same round id again does not match again: it finishes
 * recording the round and re-sends whatever the outbox has not delivered yet, so a crash at any step of a
 * round loses and duplicates nothing ({@link RoundStore.Step}).
 */
@Component
class RoundRunner {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RoundRunner.class);

  static final String FOLLOW_UP = "pairing-followup";
  /** A round booked with {@code /coffee now}: target {@code channel:roundId}. */
  static final String NOW = "pairing-now";
  static final String INTRO_TAG = "pairing:intro";

  private final ProgramStore programs;
  private final RoundStore rounds;
  private final Pool pool;
  private final Matcher matcher;
  private final Outbox outbox;
  private final Schedules schedules;
  private final IcebreakerSource icebreakers;
  private final PairingSettings settings;
  private final Ghosts ghosts;

  RoundRunner(ProgramStore programs, RoundStore rounds, Pool pool, Matcher matcher, Outbox outbox,
              Schedules schedules, IcebreakerSource icebreakers, PairingSettings settings, Ghosts ghosts) {
    this.programs = programs;
    this.rounds = rounds;
    this.pool = pool;
    this.matcher = matcher;
    this.outbox = outbox;
    this.schedules = schedules;
    this.icebreakers = icebreakers;
    this.settings = settings;
    this.ghosts = ghosts;
  }

  Round run(String team, String channel, String roundId, Instant at) throws SlackCallException {
    Program program = programs.find(team, channel).orElseThrow(() -> new UserError(
        "<#" + channel + "> has no coffee pairing program. An admin can start one with `/coffee start`."));
    long started = System.nanoTime();
    Round round = rounds.find(team, channel, roundId).orElse(null);
    Map<String, Integer> offsets = null;
    boolean formed = round == null;
    long read = started;
    long matched = started;
    if (formed) {
      ghosts.tally(team, program, at);
      rounds.passed(RoundStore.Step.TALLIED);
      Pool.Members members = pool.read(team, program, at);
      read = System.nanoTime();
      round = rounds.create(team, form(team, program, roundId, at, cycleEnd(team, program, at), members));
      matched = System.nanoTime();
      offsets = Pool.offsets(members.profiles());
    } else {
      // A retry after a crash: whatever the first run had not finished recording is finished now.
      rounds.record(team, round);
    }
    deliver(team, program, round, offsets);
    rounds.passed(RoundStore.Step.INTROS_QUEUED);
    if (formed) {
      long queued = System.nanoTime();
      log.info("Round {} in {} of {}: {} people in {} groups in {} ms (pool read {} ms, matched and recorded {} ms, "
          + "intros queued {} ms)", round.id(), channel, team, round.pool(), round.groups().size(),
          (queued - started) / 1_000_000, (read - started) / 1_000_000, (matched - read) / 1_000_000,
          (queued - matched) / 1_000_000);
    }
    if (!round.groups().isEmpty()) {
      Instant ends = round.endsOr(Duration.ofDays(Math.max(1, program.cadence().cycleDays())));
      Instant checkIn = at.plus(Duration.between(at, ends).dividedBy(2));
      schedules.once(team, FOLLOW_UP, new RoundRef(channel, round.id()).encode(), checkIn, Map.of());
    }
    return round;
  }

  /**
   * When a round formed at {@code at} ends: the program's next round, if one is booked after it (a round run
   * with {@code /coffee now} may have moved it), else the cadence's next occurrence.
   */
  private Instant cycleEnd(String team, Program program, Instant at) {
    return programs.nextRound(team, program.channel()).filter(next -> next.isAfter(at))
        .orElseGet(() -> program.cadence().next(at));
  }

  private Round form(String team, Program program, String roundId, Instant at, Instant ends,
                     Pool.Members members) {
    List<Round> past = rounds.recent(team, program.channel(), settings.historyRounds());
    List<PastGroup> history = new ArrayList<>();
    past.forEach(r -> r.groups().forEach(g -> history.add(new PastGroup(
        g.stream().filter(u -> !Round.FORGOTTEN.equals(u)).toList(), r.at()))));
    List<String> eligible = new ArrayList<>(members.eligible());
    List<String> unplaced = new ArrayList<>();
    List<List<String>> groups = List.of();
    if (eligible.size() >= 2) {
      Map<String, Set<String>> avoid = programs.avoided(team, eligible);
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
        firstMeetings(groups, history), crossTeam(groups, members.departments(), true),
        crossTeam(groups, members.departments(), false), ends);
  }

  /**
   * Hands the round's notes to the outbox a chunk at a time, resting between chunks, so a 10,000-member
   * round neither holds 5,000 messages in memory nor takes the CPU from commands; {@code offsets} are
   * read again when re-running a round.
   */
  private void deliver(String team, Program program, Round round, Map<String, Integer> known)
      throws SlackCallException {
    String channel = program.channel();
    Map<String, Integer> offsets = known != null ? known : pool.offsets(team, round.groups().stream()
        .flatMap(List::stream).filter(u -> !Round.FORGOTTEN.equals(u)).toList());
    IcebreakerSource.Deck deck = icebreakers.deck(team);
    Outbox.Batch batch = outbox.batch();
    for (int g = 0; g < round.groups().size(); g++) {
      List<String> group = round.members(g);
      if (group.size() < 2) {
        continue;
      }
      String key = new GroupRef(channel, round.id(), g).deliveryKey("intro");
      batch.add(Delivery.dm(team, group, key, Intros.introText(channel, group),
              Intros.intro(channel, round.id(), round.at(), g, group, offsets, deck, Map.of(),
                  program.cadence().withinCycle()))
          .withTag(INTRO_TAG, Map.of("channel", channel, "round", round.id(), "group", String.valueOf(g)))
          .about("pairing", channel, "intro"));
    }
    List<String> leftOut = round.leftOut();
    for (int i = 0; i < leftOut.size(); i++) {
      if (!Round.FORGOTTEN.equals(leftOut.get(i))) {
        batch.add(Delivery.dm(team, List.of(leftOut.get(i)), new RoundRef(channel, round.id()).deliveryKey(
            "left-out:" + i), round.pool() == 1 ? Intros.lone(channel) : Intros.unplaced(channel), null)
            .about("pairing", channel, "note to someone left out"));
      }
    }
    batch.finish();
  }

  private static List<Member> toMembers(List<String> eligible, Pool.Members members) {
    return eligible.stream().map(user -> {
      Profile p = members.profiles().get(user);
      String department = members.departments().get(user);
      return Pool.zoneKnown(p) ? new Member(user, p.utcOffsetSeconds() / 60, null, department)
          : Member.zoneUnknown(user, department);
    }).toList();
  }

  /** Stable per channel: the matcher derives its round-robin schedule from it. */
  static long seed(String team, String channel) {
    return ((long) team.hashCode() << 32) ^ channel.hashCode();
  }

  private static int firstMeetings(List<List<String>> groups, List<PastGroup> history) {
    Map<String, Set<String>> met = new HashMap<>();
    for (PastGroup past : history) {
      for (String a : past.members()) {
        for (String b : past.members()) {
          if (!a.equals(b)) {
            met.computeIfAbsent(a, k -> new HashSet<>()).add(b);
          }
        }
      }
    }
    int first = 0;
    for (List<String> group : groups) {
      boolean anyMet = false;
      for (String a : group) {
        for (String b : group) {
          anyMet |= !a.equals(b) && met.getOrDefault(a, Set.of()).contains(b);
        }
      }
      first += anyMet ? 0 : 1;
    }
    return first;
  }

  /** Groups spanning departments ({@code spanning}) or with two or more known departments. */
  private static int crossTeam(List<List<String>> groups, Map<String, String> departments, boolean spanning) {
    int count = 0;
    for (List<String> group : groups) {
      List<String> known = group.stream().map(departments::get).filter(d -> d != null).toList();
      if (known.size() >= 2 && (!spanning || new HashSet<>(known).size() > 1)) {
        count++;
      }
    }
    return count;
  }
}
