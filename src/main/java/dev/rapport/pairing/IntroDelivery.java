package dev.rapport.pairing;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.people.Profile;
import dev.rapport.slack.SlackCallException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A round's intros, one per group, and the kind notes to anyone left out, handed to the outbox. Each has a key
 * of its own, so handing them over again (a round run again after a crash) sends nothing twice; an intro's tag
 * tells {@link PairingJobs} where it landed.
 */
@Component
class IntroDelivery {

  static final String INTRO_TAG = "pairing:intro";

  private final Participants participants;
  private final IcebreakerSource icebreakers;
  private final Outbox outbox;

  IntroDelivery(Participants participants, IcebreakerSource icebreakers, Outbox outbox) {
    this.participants = participants;
    this.icebreakers = icebreakers;
    this.outbox = outbox;
  }

  /**
   * Hands the round's notes to the outbox a chunk at a time, resting between chunks, so a 10,000-member
   * round neither holds 5,000 messages in memory nor takes the CPU from commands; {@code known} (the members'
   * profiles) are read again when re-running a round.
   */
  void deliver(String team, Program program, Round round, Map<String, Profile> known)
      throws SlackCallException {
    String channel = program.channel();
    Map<String, Profile> profiles = known != null ? known : participants.profiles(team, round.placed());
    IcebreakerSource.Deck deck = icebreakers.deck(team);
    Outbox.Batch batch = outbox.batch();
    for (int g = 0; g < round.groups().size(); g++) {
      List<String> group = round.members(g);
      if (group.size() < 2) {
        continue;
      }
      String key = new GroupRef(channel, round.id(), g).deliveryKey("intro");
      Optional<String> place = round.place(g);
      List<LayoutBlock> blocks = IntroMessage.withPlace(IntroMessage.blocks(channel, round.id(), round.at(), g,
          group, profiles, deck, Map.of(), program.cadence().withinCycle()), place);
      batch.add(Delivery.dm(team, group, key, IntroMessage.text(channel, group, place), blocks)
          .withTag(INTRO_TAG, Map.of("channel", channel, "round", round.id(), "group", String.valueOf(g)))
          .about("pairing", channel, "intro"));
    }
    List<String> leftOut = round.leftOut();
    for (int i = 0; i < leftOut.size(); i++) {
      if (!Round.isForgotten(leftOut.get(i))) {
        batch.add(Delivery.dm(team, List.of(leftOut.get(i)), new RoundRef(channel, round.id()).deliveryKey(
            "left-out:" + i), round.pool() == 1 ? Notes.lone(channel) : Notes.unplaced(channel), null)
            .about("pairing", channel, "note to someone left out"));
      }
    }
    batch.finish();
  }
}
