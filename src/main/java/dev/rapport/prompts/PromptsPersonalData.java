package dev.rapport.prompts;

import dev.rapport.people.MemberForgotten;
import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Forget-me for prompts: the person's pending suggestions (text and proposer) and their daily suggestion
 * count go, and so does the cached reviewer list, which names admins; so do the decisions they made on
 * suggestions and their name on the channels whose prompts they scheduled. Prompts already added from
 * their suggestions stay in the library and never named them.
 */
@Component
class PromptsPersonalData implements KeyLayout {

  private final Suggestions suggestions;
  private final Reviewers reviewers;
  private final ReviewDms reviewDms;
  private final ScheduledBy scheduledBy;

  PromptsPersonalData(Suggestions suggestions, Reviewers reviewers, ReviewDms reviewDms, ScheduledBy scheduledBy) {
    this.suggestions = suggestions;
    this.reviewers = reviewers;
    this.reviewDms = reviewDms;
    this.scheduledBy = scheduledBy;
  }

  /**
   * Every key family empathy prompts write, and whom each can name. Reactions and repliers are kept only as
   * unkeyed digests and counts: no id, though a reaction's digest can be recomputed from a member list (what
   * Slack shows the channel anyway) until it expires with its post, which forget-me doesn't hasten.
   */
  @Override
  public List<KeyFamily> keyFamilies() {
    return KeyFamily.table("""
        rapport:{team}:prompts:rotation:{channel}:{strategy}:seen
        rapport:{team}:prompts:rotation:{channel}:{strategy}:state
        rapport:{team}:prompts:rotation:{channel}:turn
        rapport:{team}:prompts:pick:{occurrence...}
        rapport:{team}:prompts:custom
        rapport:{team}:prompts:custom:seq
        rapport:{team}:prompts:removed
        rapport:{team}:prompts:on-demand:{channel}
        rapport:{team}:prompts:suggestion:{id}                              PERSON
        rapport:{team}:prompts:suggest:today:{user}                         PERSON
        rapport:{team}:prompts:reviewers                                    PERSON
        rapport:{team}:prompts:review:{id}                                  PERSON
        rapport:{team}:prompts:post:{channel}:{ts}
        rapport:{team}:prompts:post:{channel}:{ts}:counted
        rapport:{team}:prompts:stats:{week}:{strategy}
        rapport:{team}:prompts:stats:{week}:{strategy}:top
        rapport:{team}:prompts:stats:{week}:{strategy}:repliers
        rapport:{team}:prompts:cstats:{channel}:{week}:{strategy}
        rapport:{team}:prompts:cstats:{channel}:{week}:{strategy}:top
        rapport:{team}:prompts:cstats:{channel}:{week}:{strategy}:repliers
        rapport:{team}:prompts:scheduled-by                                 PERSON
        """);
  }

  @EventListener
  void forget(MemberForgotten forgotten) {
    String team = forgotten.team();
    String user = forgotten.user();
    suggestions.forget(team, user);
    reviewers.forgetCached(team);
    reviewDms.forget(team, user);
    scheduledBy.forget(team, user);
  }
}
