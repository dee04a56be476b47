package dev.rapport.pairing;

import dev.rapport.slack.Reply;
import java.util.List;
import java.util.Map;
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

  Outcomes(RoundStore rounds, RoundReplies replies, ChoiceStore choices, AnsweredMessages messages) {
    this.rounds = rounds;
    this.replies = replies;
    this.choices = choices;
    this.messages = messages;
  }

  /** Records {@code user}'s own answer for the group named by a button value ({@code channel|round|group}). */
  Reply record(String team, String user, String value, boolean met) {
    String[] parts = value == null ? new String[0] : value.split("\\|");
    if (parts.length != 3 || !parts[2].matches("\\d+")) {
      return Reply.text("That button doesn't belong to a coffee intro I know, so nothing was recorded.");
    }
    int index = Integer.parseInt(parts[2]);
    RoundGroup group = rounds.group(team, parts[0], parts[1], index).orElse(null);
    if (group == null) {
      return Reply.text("That intro is from a round I no longer keep, so nothing was recorded. "
          + "Your next intro will have fresh buttons.");
    }
    if (!group.members().contains(user)) {
      return Reply.text("Only the people in this group can answer for it, so nothing was recorded.");
    }
    replies.answer(team, parts[0], parts[1], user, met ? "met" : "not");
    choices.answered(team, parts[0], List.of(user));
    Map<String, String> answers = replies.answers(team, parts[0], parts[1]);
    messages.show(team, new AnsweredMessages.Answered(parts[0], parts[1], index, group), user, met, answers);
    if (met) {
      return Reply.text(":tada: Wonderful — noted that you met! Thanks for making the time.");
    }
    List<String> silent = Round.named(group.members()).stream()
        .filter(u -> !u.equals(user) && !answers.containsKey(u)).toList();
    return Reply.blocks(NotMetMessage.TEXT, NotMetMessage.blocks(parts[0], parts[1], index, silent));
  }

  /**
   * A partner couldn't reach {@code value}'s last part ({@code channel|round|group|member}). Kept without who
   * said it; it counts as one round without a word from that member unless they answer themselves.
   */
  Reply unreached(String team, String user, String value) {
    String[] parts = value == null ? new String[0] : value.split("\\|");
    if (parts.length != 4 || !parts[2].matches("\\d+")) {
      return Reply.text("That button doesn't belong to a coffee intro I know, so nothing was recorded.");
    }
    RoundGroup group = rounds.group(team, parts[0], parts[1], Integer.parseInt(parts[2])).orElse(null);
    if (group == null || !group.members().contains(user) || !group.members().contains(parts[3])
        || user.equals(parts[3])) {
      return Reply.text("Only someone in that group can say a partner didn't reply, so nothing was recorded.");
    }
    replies.unreached(team, parts[0], parts[1], parts[3]);
    return Reply.text(":shushing_face: Thanks — noted privately. <@" + parts[3] + "> won't be told who said it. "
        + "If Rapport doesn't hear from them for a few rounds, it pauses their pairings so groups stay lively.");
  }
}
