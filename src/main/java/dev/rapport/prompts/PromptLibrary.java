package dev.rapport.prompts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Rapport's prompt library: the built-in prompts (loaded and validated from
 * {@code classpath:prompts/library.yml} at start-up), plus what each workspace added, minus what it
 * removed.
 *
 * <p>Other features use {@link #icebreakers(String)} and {@link #pick}, e.g. to open a coffee intro with a
 * question.
 */
@Component
public class PromptLibrary {

  private final Map<String, Prompt> builtIn;
  private final WorkspacePrompts workspace;

  PromptLibrary(WorkspacePrompts workspace) {
    Map<String, Prompt> byId = new LinkedHashMap<>();
    LibraryFile.load().forEach(p -> byId.put(p.id(), p));
    this.builtIn = Collections.unmodifiableMap(byId);
    this.workspace = workspace;
  }

  /**
   * Every prompt that can open a chat in {@code team}, in a stable order: read once for a whole round,
   * then {@link #pick} one per group without going back to Redis.
   */
  public List<Prompt> icebreakers(String team) {
    List<Prompt> candidates = new ArrayList<>(available(team).stream().filter(p -> !p.threadOnly()).toList());
    candidates.sort(Comparator.comparing(Prompt::id));
    return List.copyOf(candidates);
  }

  /**
   * The icebreaker {@code seed} chooses from a list {@link #icebreakers} returned. The same seed gives the
   * same prompt while the library is unchanged, so a retried intro repeats its icebreaker; derive the seed
   * from the round and the group to vary it. Empty only if the workspace removed every such prompt.
   */
  public static Optional<Prompt> pick(List<Prompt> icebreakers, long seed) {
    if (icebreakers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(icebreakers.get((int) Math.floorMod(mix(seed), (long) icebreakers.size())));
  }

  /** The prompts of {@code strategy} that may be posted in {@code team}: built in and added, not removed. */
  List<Prompt> available(String team, Strategy strategy) {
    return available(team).stream().filter(p -> p.strategy() == strategy).toList();
  }

  /** Every prompt that may be posted in {@code team}: built in first, then added, none removed. */
  List<Prompt> available(String team) {
    Set<String> removed = workspace.removed(team);
    List<Prompt> prompts = new ArrayList<>();
    builtIn.values().stream().filter(p -> !removed.contains(p.id())).forEach(prompts::add);
    workspace.added(team).stream().filter(p -> !removed.contains(p.id())).forEach(prompts::add);
    return prompts;
  }

  /** Any prompt by id, removed or not (stats still name removed prompts). */
  Optional<Prompt> find(String team, String id) {
    Prompt p = builtIn.get(id);
    if (p != null) {
      return Optional.of(p);
    }
    return workspace.added(team, id);
  }

  boolean isRemoved(String team, String id) {
    return workspace.removed(team).contains(id);
  }

  boolean isBuiltIn(String id) {
    return builtIn.containsKey(id);
  }

  /** The prompt of {@code team} (not removed) with the same words as {@code text}, if there is one. */
  Optional<Prompt> sameText(String team, String text) {
    String wanted = PromptText.normalized(text);
    return available(team).stream().filter(p -> PromptText.normalized(p.text()).equals(wanted)).findFirst();
  }

  /** SplitMix64's finaliser: neighbouring seeds land far apart. */
  private static long mix(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
