package dev.rapport.prompts;

import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackDates;
import dev.rapport.slack.SlackGateway;
import dev.rapport.slack.UserError;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code /empathy [strategy]}: posts the channel's next prompt now, at most one per channel per interval
 * ({@link OnDemandLimit}; sooner, the person is told when the next may come). The prompt is picked while
 * the command is acknowledged (one Redis script); the post itself happens in the background as the app's
 * own message, so its replies and reactions can be counted. The post is the answer; if it can't be made,
 * the person who asked hears why, and the prompt goes back into the rotation and the channel's turn back.
 */
@Component
class OnDemandPost {

  private static final Set<String> NOT_A_MEMBER = Set.of("not_in_channel", "channel_not_found",
      "is_archived", "restricted_action");

  private final PromptPicker picker;
  private final PromptPosts posts;
  private final SlackGateway slack;
  private final AnswerLater later;
  private final OnDemandLimit limit;

  OnDemandPost(PromptPicker picker, PromptPosts posts, SlackGateway slack, AnswerLater later,
               OnDemandLimit limit) {
    this.limit = limit;
    this.picker = picker;
    this.posts = posts;
    this.slack = slack;
    this.later = later;
  }

  Reply post(CommandCall call, Strategy strategy) {
    String team = call.caller().team();
    String channel = call.caller().channel();
    if (!call.args().isEmpty()) {
      throw new UserError(":thinking_face: `" + call.command() + " " + call.subcommand() + "` takes no more "
          + "words. To post a prompt now, use `/empathy` or `/empathy " + Strategy.LISTENING.id()
          + "` (strategies: " + Strategy.choices() + ").");
    }
    Optional<Instant> next = limit.take(team, channel);
    if (next.isPresent()) {
      return Reply.text(":hourglass_flowing_sand: A prompt was posted here a short while ago, and its thread is "
          + "where the conversation is now. The next prompt on demand can come " + SlackDates.moment(next.get())
          + ". For prompts at regular times, a Rapport admin can use `/empathy start`.");
    }
    Prompt prompt;
    try {
      prompt = picker.next(team, channel, strategy, null).orElseThrow(() -> noneLeft(strategy));
    } catch (RuntimeException e) {
      limit.release(team, channel);
      throw e;
    }
    later.answer("/empathy post", call.responseUrl(), () -> send(call, prompt));
    return Reply.none();
  }

  /** Posts the prompt: the post is the answer; if it can't be made, the reply says why. */
  private Reply send(CommandCall call, Prompt prompt) throws SlackCallException {
    String team = call.caller().team();
    String channel = call.caller().channel();
    try {
      var posted = slack.call(team, "chat.postMessage", c -> c.chatPostMessage(r -> r.channel(channel)
          .text(PromptMessage.fallback(prompt)).blocks(PromptMessage.blocks(prompt)).unfurlLinks(false)));
      posts.recordPosted(team, posted.getChannel() != null ? posted.getChannel() : channel, posted.getTs(),
          prompt);
      return Reply.none();
    } catch (SlackCallException e) {
      picker.putBack(team, channel, prompt);
      limit.release(team, channel);
      if (!NOT_A_MEMBER.contains(e.error())) {
        throw e;
      }
      return Reply.text(":no_entry: I can't post in this conversation yet. Add me with `/invite @Rapport`, then "
          + "try `" + call.command() + (call.subcommand().isEmpty() ? "" : " " + call.subcommand()) + "` again.");
    } catch (RuntimeException e) {
      limit.release(team, channel);
      throw e;
    }
  }

  private UserError noneLeft(Strategy strategy) {
    if (strategy == null) {
      return new UserError(":warning: This workspace removed every prompt, so there's nothing to post. A "
          + "Rapport admin can add prompts with `/empathy add &lt;strategy&gt; &lt;text&gt;`.");
    }
    return new UserError(":warning: This workspace removed every *" + strategy.label() + "* prompt. Try "
        + "another strategy (" + Strategy.choices() + "), or ask a Rapport admin to add one with `/empathy add "
        + strategy.id() + " &lt;text&gt;`.");
  }
}
