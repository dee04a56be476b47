package dev.rapport.pairing;

import dev.rapport.slack.MessageRef;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The "We met" / "Not this time" answers on intros and check-ins, each person's own, and the private "didn't
 * reply" a partner may add. After an answer the group's intro shows who said what, and the check-in that asked
 * the person directly shows their answer.
 */
@Component
class Outcomes {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Outcomes.class);

  private final RoundStore rounds;
  private final ProgramStore programs;
  private final Pool pool;
  private final IcebreakerSource icebreakers;
  private final SlackGateway slack;

  Outcomes(RoundStore rounds, ProgramStore programs, Pool pool, IcebreakerSource icebreakers, SlackGateway slack) {
    this.rounds = rounds;
    this.programs = programs;
    this.pool = pool;
    this.icebreakers = icebreakers;
    this.slack = slack;
  }

  /** A group named by a button value ({@code channel|round|group}) and who is in it. */
  private record Answered(String channel, String round, int index, RoundStore.Group group) {}

  /** Records {@code user}'s own answer for the group named by a button value ({@code channel|round|group}). */
  Reply record(String team, String user, String value, boolean met) {
    GroupRef ref = GroupRef.parse(value).orElse(null);
    if (ref == null) {
      return Reply.text("That button doesn't belong to a coffee intro I know, so nothing was recorded.");
    }
    String channel = ref.channel();
    String round = ref.round();
    int index = ref.group();
    RoundStore.Group group = rounds.group(team, channel, round, index).orElse(null);
    if (group == null) {
      return Reply.text("That intro is from a round I no longer keep, so nothing was recorded. "
          + "Your next intro will have fresh buttons.");
    }
    if (!group.members().contains(user)) {
      return Reply.text("Only the people in this group can answer for it, so nothing was recorded.");
    }
    rounds.answer(team, channel, round, user, met ? "met" : "not");
    programs.answered(team, channel, List.of(user));
    Map<String, String> answers = rounds.answers(team, channel, round);
    show(team, new Answered(channel, round, index, group), user, met, answers);
    if (met) {
      return Reply.text(":tada: Wonderful — noted that you met! Thanks for making the time.");
    }
    List<String> silent = group.members().stream()
        .filter(u -> !u.equals(user) && !Round.FORGOTTEN.equals(u) && !answers.containsKey(u)).toList();
    return Reply.blocks(Intros.NOT_MET_TEXT, Intros.notMet(channel, round, index, silent));
  }

  /**
   * A partner couldn't reach {@code value}'s last part ({@code channel|round|group|member}). Kept without who
   * said it; it counts as one round without a word from that member unless they answer themselves.
   */
  Reply unreached(String team, String user, String value) {
    GroupRef.Partner partner = GroupRef.Partner.parse(value).orElse(null);
    if (partner == null) {
      return Reply.text("That button doesn't belong to a coffee intro I know, so nothing was recorded.");
    }
    GroupRef ref = partner.group();
    String member = partner.member();
    RoundStore.Group group = rounds.group(team, ref.channel(), ref.round(), ref.group()).orElse(null);
    if (group == null || !group.members().contains(user) || !group.members().contains(member)
        || user.equals(member)) {
      return Reply.text("Only someone in that group can say a partner didn't reply, so nothing was recorded.");
    }
    rounds.unreached(team, ref.channel(), ref.round(), member);
    return Reply.text(":shushing_face: Thanks — noted privately. <@" + member + "> won't be told who said it. "
        + "If Rapport doesn't hear from them for a few rounds, it pauses their pairings so groups stay lively.");
  }

  /** Shows the answers on the group's intro, and the answer on the check-in that asked this person. */
  private void show(String team, Answered a, String user, boolean met, Map<String, String> answers) {
    List<String> members = a.group().members().stream().filter(u -> !Round.FORGOTTEN.equals(u)).toList();
    try {
      var intro = rounds.intro(team, a.channel(), a.round(), a.index());
      if (intro.isPresent()) {
        String within = programs.find(team, a.channel()).map(p -> p.cadence().withinCycle()).orElse("soon");
        var blocks = Intros.intro(a.channel(), a.round(), a.group().at(), a.index(), members,
            pool.offsets(team, members), icebreakers.deck(team), answers, within);
        MessageRef where = intro.get();
        slack.call(team, "chat.update", c -> c.chatUpdate(r -> r.channel(where.channel()).ts(where.ts())
            .text(Intros.introText(a.channel(), members)).blocks(blocks)));
      }
      Optional<MessageRef> asked = MessageRef.parse(rounds.asked(team, a.channel(), a.round()).get(user));
      if (asked.isPresent()) {
        MessageRef where = asked.get();
        List<String> others = members.stream().filter(u -> !u.equals(user)).toList();
        slack.call(team, "chat.update", c -> c.chatUpdate(r -> r.channel(where.channel()).ts(where.ts())
            .text(Intros.checkInText(a.channel(), others)).blocks(Intros.checkInAnswered(a.channel(), others, met))));
      }
    } catch (SlackCallException e) {
      // The answer is recorded; only the updated message is missing (it may have been deleted).
      log.info("Couldn't update a coffee intro in {} ({})", a.channel(), e.getMessage());
    }
  }
}
