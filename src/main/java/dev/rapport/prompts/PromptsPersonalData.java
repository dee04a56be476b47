package dev.rapport.prompts;

import dev.rapport.people.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Forget-me for prompts: the person's pending suggestions (text and proposer) and their daily suggestion
 * count go, and so does the cached reviewer list, which names admins; so do the decisions they made on
 * suggestions and their name on the channels whose prompts they scheduled. Prompts already added from
 * their suggestions stay in the library and never named them.
 */
@Component
class PromptsPersonalData implements PersonalData {

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

  @Override
  public void forget(String team, String user) {
    suggestions.forget(team, user);
    reviewers.forgetCached(team);
    reviewDms.forget(team, user);
    scheduledBy.forget(team, user);
  }
}
