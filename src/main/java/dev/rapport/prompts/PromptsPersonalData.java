package dev.rapport.prompts;

import dev.rapport.people.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Forget-me for prompts: the person's pending suggestions (text and proposer) and their daily suggestion
 * count go, and so does the cached reviewer list, which names admins. Prompts already added from their
 * suggestions stay in the library and never named them.
 */
@Component
class PromptsPersonalData implements PersonalData {

  private final Suggestions suggestions;
  private final Reviewers reviewers;

  PromptsPersonalData(Suggestions suggestions, Reviewers reviewers) {
    this.suggestions = suggestions;
    this.reviewers = reviewers;
  }

  @Override
  public void forget(String team, String user) {
    suggestions.forget(team, user);
    reviewers.forgetCached(team);
  }
}
