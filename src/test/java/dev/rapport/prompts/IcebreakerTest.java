package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IcebreakerTest extends PromptTestSupport {

  @Test
  void theSameSeedGivesTheSameIcebreakerAndSeedsSpreadAcrossStrategies() {
    Set<String> ids = new HashSet<>();
    Set<Strategy> strategies = new HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      Prompt p = PromptLibrary.pick(library.icebreakers(TEAM), seed).orElseThrow();
      assertThat(PromptLibrary.pick(library.icebreakers(TEAM), seed)).contains(p);
      ids.add(p.id());
      strategies.add(p.strategy());
    }

    assertThat(strategies).containsExactlyInAnyOrder(Strategy.values());
    assertThat(ids).hasSizeGreaterThan(50);
  }

  @Test
  void anIcebreakerNeverRefersToAThread() {
    for (long seed = 0; seed < 1000; seed++) {
      assertThat(PromptLibrary.pick(library.icebreakers(TEAM), seed).orElseThrow().threadOnly()).isFalse();
    }
  }

  @Test
  void aPromptTheWorkspaceRemovedIsNoLongerAnIcebreaker() {
    Prompt before = PromptLibrary.pick(library.icebreakers(TEAM), 42).orElseThrow();

    empathy(ADMIN, "C120", "remove " + before.id());

    assertThat(PromptLibrary.pick(library.icebreakers(TEAM), 42)).isPresent().get().isNotEqualTo(before);
    assertThat(PromptLibrary.pick(library.icebreakers("T0OTHER"), 42)).contains(before);
  }
}
