package dev.rapport.pairing;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mid-cycle check-in: each member who hasn't answered, in a group whose intro arrived and nobody said met
 * in, is asked directly in their own DM. A check-in that landed is what makes silence count ({@link Ghosts}).
 */
@Component
class CheckIns {

  static final String FOLLOW_UP = "pairing-followup";
  static final String CHECK_IN_TAG = "pairing:checkin";

  private final RoundStore rounds;
  private final RoundReplies replies;
  private final Outbox outbox;
  private final Schedules schedules;

  CheckIns(RoundStore rounds, RoundReplies replies, Outbox outbox, Schedules schedules) {
    this.rounds = rounds;
    this.replies = replies;
    this.outbox = outbox;
    this.schedules = schedules;
  }

  /** Books the check-ins of a round formed at {@code at} halfway through its cycle (none without groups). */
  void book(String team, Program program, Round round, Instant at) {
    if (!round.groups().isEmpty()) {
      String channel = program.channel();
      Instant ends = round.endsOr(Duration.ofDays(Math.max(1, program.cadence().cycleDays())));
      Instant checkIn = at.plus(Duration.between(at, ends).dividedBy(2));
      schedules.once(team, FOLLOW_UP, new RoundRef(channel, round.id()).encode(), checkIn, Map.of());
    }
  }

  /** The booked occurrence: {@code target} is a {@link RoundRef}. */
  void send(String team, String target) {
    RoundRef.parse(target)
        .flatMap(ref -> rounds.find(team, ref.channel(), ref.round()))
        .ifPresent(round -> followUp(team, round));
  }

  private void followUp(String team, Round round) {
    String channel = round.channel();
    RoundReplies.Heard said = replies.heard(team, round);
    Outbox.Batch checkIns = outbox.batch();
    for (int g = 0; g < round.groups().size(); g++) {
      List<String> group = round.members(g);
      if (!said.landed(g) || said.settled(g, group) || group.size() < 2) {
        continue;
      }
      for (String user : group) {
        if (said.answers().containsKey(user)) {
          continue;
        }
        List<String> others = group.stream().filter(u -> !u.equals(user)).toList();
        checkIns.add(Delivery.dm(team, List.of(user),
                new GroupRef(channel, round.id(), g).deliveryKey("checkin:" + user),
                CheckInMessage.text(channel, others), CheckInMessage.blocks(channel, round.id(), g, others))
            .withTag(CHECK_IN_TAG, Map.of("channel", channel, "round", round.id(), "user", user))
            .about("pairing", channel, "check-in"));
      }
    }
    checkIns.finish();
  }
}
