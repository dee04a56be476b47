package dev.rapport.pairing;

import dev.rapport.slack.MessageRef;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * After someone answers, the messages say so: the group's intro shows who said what, and the check-in that
 * asked the person directly shows their answer.
 */
@Component
class AnsweredMessages {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnsweredMessages.class);

  /** A group named by a button value ({@code channel|round|group}) and who is in it. */
  record Answered(String channel, String round, int index, RoundGroup group) {}

  private final RoundReplies replies;
  private final ProgramStore programs;
  private final Participants participants;
  private final IcebreakerSource icebreakers;
  private final SlackGateway slack;

  AnsweredMessages(RoundReplies replies, ProgramStore programs, Participants participants,
                   IcebreakerSource icebreakers, SlackGateway slack) {
    this.replies = replies;
    this.programs = programs;
    this.participants = participants;
    this.icebreakers = icebreakers;
    this.slack = slack;
  }

  /** Shows the answers on the group's intro, and the answer on the check-in that asked this person. */
  void show(String team, Answered a, String user, boolean met, Map<String, String> answers) {
    List<String> members = Round.named(a.group().members());
    try {
      var intro = replies.intro(team, a.channel(), a.round(), a.index());
      if (intro.isPresent()) {
        String within = programs.find(team, a.channel()).map(p -> p.cadence().withinCycle()).orElse("soon");
        Optional<String> place = Optional.ofNullable(a.group().place());
        var blocks = IntroMessage.withPlace(IntroMessage.blocks(a.channel(), a.round(), a.group().at(), a.index(),
            members, participants.profiles(team, members), icebreakers.deck(team), answers, within), place);
        MessageRef where = intro.get();
        slack.call(team, "chat.update", c -> c.chatUpdate(r -> r.channel(where.channel()).ts(where.ts())
            .text(IntroMessage.text(a.channel(), members, place)).blocks(blocks)));
      }
      Optional<MessageRef> asked = MessageRef.parse(replies.asked(team, a.channel(), a.round()).get(user));
      if (asked.isPresent()) {
        MessageRef where = asked.get();
        List<String> others = members.stream().filter(u -> !u.equals(user)).toList();
        slack.call(team, "chat.update", c -> c.chatUpdate(r -> r.channel(where.channel()).ts(where.ts())
            .text(CheckInMessage.text(a.channel(), others)).blocks(CheckInMessage.answered(a.channel(), others, met))));
      }
    } catch (SlackCallException e) {
      // The answer is recorded; only the updated message is missing (it may have been deleted).
      log.info("Couldn't update a coffee intro in {} ({})", a.channel(), e.getMessage());
    }
  }
}
