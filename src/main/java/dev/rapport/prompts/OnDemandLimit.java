package dev.rapport.prompts;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * At most one prompt on demand ({@code /empathy}) per channel per {@code RAPPORT_PROMPTS_ONDEMANDEVERY}:
 * a burst of prompts buries each one's thread, and the thread is the conversation. For everyone, admins
 * too (the nuisance is the channel's, whoever asks); scheduled prompts don't count.
 * <pre>
 * rapport:{team}:prompts:on-demand:{channel}   STRING  epoch ms (app clock) of the last prompt on demand;
 *                                                      expires when the next may come
 * </pre>
 */
@Component
class OnDemandLimit {

  private final UnifiedJedis redis;
  private final PromptSettings settings;
  private final Clock clock;
  private final LuaScript take = LuaScript.load("prompts/on-demand");

  OnDemandLimit(UnifiedJedis redis, PromptSettings settings, Clock clock) {
    this.redis = redis;
    this.settings = settings;
    this.clock = clock;
  }

  /** Takes the channel's turn; empty if taken, otherwise when the next prompt on demand may come. */
  Optional<Instant> take(String team, String channel) {
    long every = settings.onDemandEvery().toMillis();
    if (every <= 0) {
      return Optional.empty();
    }
    long last = (Long) take.run(redis, List.of(key(team, channel)),
        List.of(String.valueOf(clock.millis()), String.valueOf(every)));
    return last == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last + every));
  }

  /** Gives the turn back: the post didn't happen. */
  void release(String team, String channel) {
    redis.del(key(team, channel));
  }

  private static String key(String team, String channel) {
    return Keys.team(team, "prompts", "on-demand", channel);
  }
}
