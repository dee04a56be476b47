package dev.rapport.prompts;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.rapport.slack.Failures;
import dev.rapport.slack.SlackFeature;
import org.springframework.stereotype.Component;

/**
 * Counts engagement with posted prompts from the Events API: a reply in a prompt's thread (plain, with a file, or
 * also sent to the channel) and a reaction on the prompt; a removed reaction counts down (once, never below zero).
 * Edits, deletions and bot messages are acknowledged and not counted. Nothing of what people wrote is read beyond the
 * ids that say where it went. Every event is acknowledged at once, counted or not, so Slack never retries one because
 * of us.
 */
@Component
class EngagementEvents implements SlackFeature {

  private final PromptPosts posts;

  EngagementEvents(PromptPosts posts) {
    this.posts = posts;
  }

  @Override
  public void register(App app) {
    app.event(MessageEvent.class, (payload, ctx) -> {
      MessageEvent e = payload.getEvent();
      if (e.getBotId() == null) {
        reply(team(payload.getTeamId(), ctx.getTeamId()), e.getChannel(), e.getThreadTs(), e.getTs(), e.getUser());
      }
      return ctx.ack();
    });
    app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
      MessageThreadBroadcastEvent e = payload.getEvent();
      reply(team(payload.getTeamId(), ctx.getTeamId()), e.getChannel(), e.getThreadTs(), e.getTs(), e.getUser());
      return ctx.ack();
    });
    app.event(MessageFileShareEvent.class, (payload, ctx) -> {
      MessageFileShareEvent e = payload.getEvent();
      reply(team(payload.getTeamId(), ctx.getTeamId()), e.getChannel(), e.getThreadTs(), e.getTs(), e.getUser());
      return ctx.ack();
    });
    app.event(ReactionAddedEvent.class, (payload, ctx) -> {
      ReactionAddedEvent e = payload.getEvent();
      if (e.getItem() != null && "message".equals(e.getItem().getType())) {
        reaction(team(payload.getTeamId(), ctx.getTeamId()), e.getItem().getChannel(), e.getItem().getTs(),
            e.getUser(), e.getReaction(), true);
      }
      return ctx.ack();
    });
    app.event(ReactionRemovedEvent.class, (payload, ctx) -> {
      ReactionRemovedEvent e = payload.getEvent();
      if (e.getItem() != null && "message".equals(e.getItem().getType())) {
        reaction(team(payload.getTeamId(), ctx.getTeamId()), e.getItem().getChannel(), e.getItem().getTs(),
            e.getUser(), e.getReaction(), false);
      }
      return ctx.ack();
    });
    // An edit or a deletion is not a new reply, and bots don't count; acknowledged so Slack doesn't retry.
    app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
  }

  private void reply(String team, String channel, String threadTs, String ts, String user) {
    if (team == null || channel == null || threadTs == null || ts == null || threadTs.equals(ts) || user == null) {
      return;
    }
    try {
      posts.countReply(team, channel, threadTs, ts, user);
    } catch (RuntimeException failure) {
      Failures.log("count a reply to a prompt", failure);
    }
  }

  private void reaction(String team, String channel, String ts, String user, String reaction, boolean added) {
    if (team == null || channel == null || ts == null || user == null || reaction == null) {
      return;
    }
    try {
      if (added) {
        posts.countReaction(team, channel, ts, user, reaction);
      } else {
        posts.uncountReaction(team, channel, ts, user, reaction);
      }
    } catch (RuntimeException failure) {
      Failures.log(added ? "count a reaction on a prompt" : "uncount a reaction removed from a prompt", failure);
    }
  }

  private static String team(String fromPayload, String fromContext) {
    return fromPayload != null ? fromPayload : fromContext;
  }
}
