package dev.rapport.prompts;

import dev.rapport.slack.UserError;
import dev.rapport.store.Keys;
import dev.rapport.store.Scans;
import dev.rapport.store.LuaScript;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Prompts anyone proposes ({@code /empathy suggest}) for admins to approve or reject. The first admin to
 * decide wins; a suggestion nobody decides on is forgotten after {@link #KEEP}. Forget-me deletes a person's
 * pending suggestions and their count of the day ({@link #forget}).
 * <pre>
 * rapport:{team}:prompts:suggestion:{id}       HASH    text, strategy (if the proposer named one), by (the
 *                                                      proposer); expires after {@link #KEEP}, deleted when decided
 * rapport:{team}:prompts:suggest:today:{user}  STRING  how many suggestions the person sent; expires a day after
 *                                                      their first one
 * </pre>
 */
@Component
class Suggestions {

  static final Duration KEEP = Duration.ofDays(30);

  /** A pending suggestion. {@code strategy} is null when the proposer left it to the admins. */
  record Suggestion(String id, String text, Strategy strategy, String by) {}

  private final UnifiedJedis redis;
  private final WorkspacePrompts workspace;
  private final PromptSettings settings;
  private final LuaScript store = LuaScript.load("prompts/suggest");

  Suggestions(UnifiedJedis redis, WorkspacePrompts workspace, PromptSettings settings) {
    this.redis = redis;
    this.workspace = workspace;
    this.settings = settings;
  }

  /** Stores a suggestion, unless {@code by} already sent the day's share. */
  Suggestion create(String team, String by, String text, Strategy strategy) {
    // A random id: the suggestion's key is known before the script runs (scripts declare their keys).
    String id = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    Object stored = store.run(redis, List.of(key(team, id), Keys.team(team, "prompts", "suggest", "today", by)),
        List.of(text, by, strategy == null ? "" : strategy.id(), String.valueOf(KEEP.toSeconds()),
            String.valueOf(settings.suggestionsPerDay())));
    if (!Long.valueOf(1).equals(stored)) {
      throw new UserError(":raised_hands: You've sent " + settings.suggestionsPerDay() + " suggestions today, "
          + "thank you! Please send the next one tomorrow, so the admins can keep up.");
    }
    return new Suggestion(id, text, strategy, by);
  }

  /** Adds the suggestion to the library as {@code strategy}; empty if it was decided or expired. */
  Optional<WorkspacePrompts.Approved> approve(String team, String id, Strategy strategy) {
    return workspace.approve(team, key(team, id), strategy);
  }

  /** Drops the suggestion; empty if it was decided or expired. */
  Optional<Suggestion> reject(String team, String id) {
    String key = key(team, id);
    Map<String, String> fields = redis.hgetAll(key);
    if (fields.isEmpty() || redis.del(key) == 0) {
      return Optional.empty();
    }
    return Optional.of(new Suggestion(id, fields.get("text"), Strategy.parse(fields.get("strategy")).orElse(null),
        fields.get("by")));
  }

  /** Forget-me: deletes every pending suggestion {@code user} sent, and their count of the day. */
  void forget(String team, String user) {
    redis.del(Keys.team(team, "prompts", "suggest", "today", user));
    Scans.keys(redis, key(team, "*"), key -> {
      if (user.equals(redis.hget(key, "by"))) {
        redis.del(key);
      }
    });
  }

  private static String key(String team, String id) {
    return Keys.team(team, "prompts", "suggestion", id);
  }
}
