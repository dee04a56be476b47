package dev.rapport.pairing;

import dev.rapport.slack.Reply;
import java.util.List;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The "We met" / "Not this time" answers on intros and check-ins, each person's own, and the private "didn't
 * reply" a partner may add. After an answer the messages show it ({@link AnsweredMessages}).
 */
@Component
class Outcomes {

  private final RoundStore rounds;
  private final RoundReplies replies;
  private final ChoiceStore choices;
  private final AnsweredMessages messages;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Outcomes(RoundStore rounds, RoundReplies replies, ChoiceStore choices, AnsweredMessages messages,
           ApplicationEventPublisher events, Clock clock) {
    this.rounds = rounds;
    this.replies = replies;
    this.choices = choices;
    this.messages = messages;
    this.events = events;
    this.clock = clock;
  }

  /** Records {@code user}'s own answer for the group named by a button value ({@code channel|round|group}). */
  Reply record(String team, String user, String value, boolean met) {
    GroupRef ref = GroupRef.parse(value).orElse(null);
    if (ref == null) {
      return Reply.text("That button doesn't belong to a coffee intro I know, so nothing was recorded.");
    }
    String channel = ref.channel();
    String round = ref.round();
    int index = ref.group();
    RoundGroup group = rounds.group(team, channel, round, index).orElse(null);
    if (group == null) {
      return Reply.text("That intro is from a round I no longer keep, so nothing was recorded. "
          + "Your next intro will have fresh buttons.");
    }
    if (!group.members().contains(user)) {
      return Reply.text("Only the people in this group can answer for it, so nothing was recorded.");
    }
    replies.answer(team, channel, round, user, met ? "met" : "not");
    choices.answered(team, channel, List.of(user));
    Map<String, String> answers = replies.answers(team, channel, round);
    messages.show(team, new AnsweredMessages.Answered(channel, round, index, group), user, met, answers);
    events.publishEvent(new MeetingAnswered(team, channel, round, index, user, met, clock.instant()));
    if (met) {
      return Reply.text(":tada: Wonderful — noted that you met! Thanks for making the time.");
    }
    List<String> silent = Round.named(group.members()).stream()
        .filter(u -> !u.equals(user) && !answers.containsKey(u)).toList();
    return Reply.blocks(NotMetMessage.TEXT, NotMetMessage.blocks(channel, round, index, silent));
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
    RoundGroup group = rounds.group(team, ref.channel(), ref.round(), ref.group()).orElse(null);
    if (group == null || !group.members().contains(user) || !group.members().contains(member)
        || user.equals(member)) {
      return Reply.text("Only someone in that group can say a partner didn't reply, so nothing was recorded.");
    }
    replies.unreached(team, ref.channel(), ref.round(), member);
    return Reply.text(":shushing_face: Thanks — noted privately. <@" + member + "> won't be told who said it. "
        + "If Rapport doesn't hear from them for a few rounds, it pauses their pairings so groups stay lively.");
  }
}
