package dev.rapport.prompts;

import dev.rapport.people.MemberForgotten;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Forget-me for prompts: the person's pending suggestions (text and proposer) and their daily suggestion
 * count go, and so does the cached reviewer list, which names admins; so do the decisions they made on
 * suggestions and their name on the channels whose prompts they scheduled. Prompts already added from
 * their suggestions stay in the library and never named them.
 */
@Component
class PromptsPersonalData {

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
