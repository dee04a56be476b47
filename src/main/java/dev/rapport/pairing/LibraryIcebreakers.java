package dev.rapport.pairing;

import dev.rapport.prompts.Prompt;
import dev.rapport.prompts.PromptLibrary;
import dev.rapport.prompts.Strategy;
import java.util.List;
import org.springframework.stereotype.Component;

/** Intro icebreakers come from the empathy prompt library, with the workspace's own additions and removals. */
@Component
class LibraryIcebreakers implements IcebreakerSource {

  private static final Icebreaker FALLBACK = new Icebreaker(Strategy.LISTENING.label(),
      "What's something that made your week a little better, and why?",
      "Asking about someone's week, and listening to the why, is active listening in its simplest form.");

  private final PromptLibrary library;

  LibraryIcebreakers(PromptLibrary library) {
    this.library = library;
  }

  @Override
  public Deck deck(String team) {
    List<Prompt> icebreakers = library.icebreakers(team);
    // A workspace could remove every prompt; an intro still needs a question.
    return seed -> PromptLibrary.pick(icebreakers, seed)
        .map(p -> new Icebreaker(p.strategy().label(), p.text(), p.why()))
        .orElse(FALLBACK);
  }
}
