package dev.rapport.prompts;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import dev.rapport.store.StoredJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * A workspace's changes to the built-in library: the prompts it added ({@code /empathy add} or an approved
 * suggestion) and the prompts it removed. Kept as long as the workspace uses Rapport.
 * <pre>
 * rapport:{team}:prompts:custom      HASH    prompt id -> {strategy, text, why, source} as JSON
 * rapport:{team}:prompts:custom:seq  STRING  last number used in an added prompt's id ({strategy}-ws{n})
 * rapport:{team}:prompts:removed     SET     ids of prompts (built in or added) never to be posted again
 * </pre>
 */
@Component
class WorkspacePrompts {

  /** An added prompt as stored. {@code source} is "added" or "suggested". */
  record Stored(String strategy, String text, String why, String source) {}

  /** A prompt that joined the library from a suggestion, and who proposed it. */
  record Approved(Prompt prompt, String proposer) {}

  private final UnifiedJedis redis;
  private final StoredJson json;
  private final LuaScript add = LuaScript.load("prompts/add");

  WorkspacePrompts(UnifiedJedis redis, StoredJson json) {
    this.redis = redis;
    this.json = json;
  }

  /** The prompts the workspace added, in the order they were added. */
  List<Prompt> added(String team) {
    List<Prompt> prompts = new ArrayList<>();
    for (Map.Entry<String, String> e : redis.hgetAll(custom(team)).entrySet()) {
      read(e.getKey(), e.getValue()).ifPresent(prompts::add);
    }
    prompts.sort(Comparator.comparingInt(WorkspacePrompts::number));
    return prompts;
  }

  /** One added prompt by id: a single field read, not the whole list. */
  Optional<Prompt> added(String team, String id) {
    String raw = redis.hget(custom(team), id);
    return raw == null ? Optional.empty() : read(id, raw);
  }

  Set<String> removed(String team) {
    return redis.smembers(removedKey(team));
  }

  Prompt add(String team, Strategy strategy, String text, String why) {
    List<?> result = (List<?>) add.run(redis, List.of(custom(team), sequence(team)),
        List.of(strategy.id(), text, why, "added"));
    return new Prompt((String) result.get(0), strategy, text, why, PromptText.threadOnly(text));
  }

  /** Adds the suggestion stored at {@code suggestionKey}, unless it was already decided or expired. */
  Optional<Approved> approve(String team, String suggestionKey, Strategy strategy) {
    Object result = add.run(redis, List.of(custom(team), sequence(team), suggestionKey),
        List.of(strategy.id(), "", strategy.defaultWhy(), "suggested"));
    if (!(result instanceof List<?> list)) {
      return Optional.empty();
    }
    String text = (String) list.get(1);
    Prompt prompt = new Prompt((String) list.get(0), strategy, text, strategy.defaultWhy(),
        PromptText.threadOnly(text));
    String proposer = (String) list.get(2);
    return Optional.of(new Approved(prompt, proposer.isEmpty() ? null : proposer));
  }

  /** Marks a prompt removed; false when it already was. */
  boolean remove(String team, String id) {
    return redis.sadd(removedKey(team), id) == 1;
  }

  static String removedKey(String team) {
    return Keys.team(team, "prompts", "removed");
  }

  private static String custom(String team) {
    return Keys.team(team, "prompts", "custom");
  }

  private static String sequence(String team) {
    return Keys.team(team, "prompts", "custom", "seq");
  }

  private Optional<Prompt> read(String id, String value) {
    return json.readIfValid(value, Stored.class).flatMap(s -> Strategy.parse(s.strategy())
        .map(strategy -> new Prompt(id, strategy, s.text(), s.why(), PromptText.threadOnly(s.text()))));
  }

  private static int number(Prompt p) {
    String id = p.id();
    try {
      return Integer.parseInt(id.substring(id.lastIndexOf("-ws") + 3));
    } catch (RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }
}
