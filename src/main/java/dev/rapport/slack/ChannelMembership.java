package dev.rapport.slack;

import org.springframework.stereotype.Component;

/**
 * Whether Rapport is a member of a channel, asked of Slack ({@code conversations.info}) when someone
 * schedules something there: finding out at the due time, when the post fails and nobody is looking, is
 * too late. It needs Slack, so it runs after the ack ({@link AnswerLater#ifOnAckPath}).
 */
@Component
public class ChannelMembership {

  private final SlackGateway slack;

  ChannelMembership(SlackGateway slack) {
    this.slack = slack;
  }

  /**
   * Returns when Rapport is in {@code channel}; otherwise throws a {@link UserError} that says how to add it
   * and ends with {@code unchanged} (e.g. "Nothing was scheduled."). A private channel Rapport isn't in
   * doesn't exist for it ({@code channel_not_found}): the same answer.
   */
  public void require(String team, String channel, String unchanged) throws SlackCallException {
    boolean member;
    try {
      var info = slack.call(team, "conversations.info", c -> c.conversationsInfo(r -> r.channel(channel)));
      member = info.getChannel() != null && info.getChannel().isMember();
    } catch (SlackCallException e) {
      if (e.kind() != SlackCallException.Kind.API_ERROR || !e.error().equals("channel_not_found")) {
        throw e;
      }
      member = false;
    }
    if (!member) {
      throw new UserError(":wave: I'm not a member of <#" + channel + "> yet, so I couldn't post there. Type "
          + "`/invite @Rapport` in <#" + channel + ">, then run the command again. " + unchanged);
    }
  }
}
