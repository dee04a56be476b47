package dev.rapport.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Chooses the prompt a channel gets: of the asked strategy, or, when none was asked, of the strategy whose
 * turn it is in that channel (the four take turns; one with no prompts left is skipped).
 */
@Component
class PromptPicker {

  private final PromptLibrary library;
  private final Rotation rotation;

  PromptPicker(PromptLibrary library, Rotation rotation) {
    this.library = library;
    this.rotation = rotation;
  }

  /**
   * The next prompt for {@code channel}; empty when the workspace removed every prompt it could use.
   *
   * @param strategy   null for "whichever strategy's turn it is"
   * @param occurrence a scheduled occurrence's id (a re-run gets the same prompt), or null
   */
  Optional<Prompt> next(String team, String channel, Strategy strategy, String occurrence) {
    if (occurrence != null) {
      Optional<Prompt> before = rotation.remembered(team, occurrence).flatMap(id -> library.find(team, id))
          .filter(p -> !library.isRemoved(team, p.id()));
      if (before.isPresent()) {
        return before;
      }
    }
    List<Prompt> available = library.available(team);
    for (Strategy s : strategy != null ? List.of(strategy) : turnOrder(team, channel)) {
      List<Prompt> candidates = available.stream().filter(p -> p.strategy() == s).toList();
      Optional<String> id = rotation.pick(team, channel, s, candidates.stream().map(Prompt::id).toList(),
          occurrence);
      if (id.isPresent()) {
        return candidates.stream().filter(p -> p.id().equals(id.get())).findFirst();
      }
    }
    return Optional.empty();
  }

  /** Undoes a pick whose post failed, so the prompt stays in this cycle. */
  void putBack(String team, String channel, Prompt prompt) {
    rotation.putBack(team, channel, prompt.strategy(), prompt.id());
  }

  private List<Strategy> turnOrder(String team, String channel) {
    Strategy[] all = Strategy.values();
    int start = (int) ((rotation.turn(team, channel) - 1) % all.length);
    List<Strategy> order = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      order.add(all[(start + i) % all.length]);
    }
    return order;
  }
}
