package dev.rapport.prompts;

import dev.rapport.slack.UserError;
import dev.rapport.store.Keys;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Prompts anyone proposes ({@code /empathy suggest}) for admins to approve or reject. The first admin to
 * decide wins; a suggestion nobody decides on is forgotten after {@link #KEEP}.
 * <pre>
 * rapport:{team}:prompts:suggestion:{n}        HASH    text, strategy (if the proposer named one), by (the
 *                                                      proposer); expires after {@link #KEEP}, deleted when decided
 * rapport:{team}:prompts:suggestion:seq        STRING  last suggestion number
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

  Suggestions(UnifiedJedis redis, WorkspacePrompts workspace, PromptSettings settings) {
    this.redis = redis;
    this.workspace = workspace;
    this.settings = settings;
  }

  /** Stores a suggestion, unless {@code by} already sent the day's share. */
  Suggestion create(String team, String by, String text, Strategy strategy) {
    String quota = Keys.team(team, "prompts", "suggest", "today", by);
    long today = redis.incr(quota);
    if (today == 1) {
      redis.expire(quota, Duration.ofDays(1).toSeconds());
    }
    if (today > settings.suggestionsPerDay()) {
      throw new UserError(":raised_hands: You've sent " + settings.suggestionsPerDay() + " suggestions today, "
          + "thank you! Please send the next one tomorrow, so the admins can keep up.");
    }
    String id = String.valueOf(redis.incr(Keys.team(team, "prompts", "suggestion", "seq")));
    Map<String, String> fields = new HashMap<>(Map.of("text", text, "by", by));
    if (strategy != null) {
      fields.put("strategy", strategy.id());
    }
    String key = key(team, id);
    redis.hset(key, fields);
    redis.expire(key, KEEP.toSeconds());
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

  private static String key(String team, String id) {
    return Keys.team(team, "prompts", "suggestion", id);
  }
}
