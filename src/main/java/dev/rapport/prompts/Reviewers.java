package dev.rapport.prompts;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.people.ConfiguredAdmins;
import dev.rapport.slack.SlackCallException;
import dev.rapport.people.Directory;
import dev.rapport.store.Keys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The admins who review suggestions and hear when scheduled prompts ran out: the people
 * {@code RAPPORT_ADMINS} names for the workspace first, then the workspace's owners and admins (from the
 * people directory's cached {@code users.list}), at most {@code maxReviewers} people. The list is cached
 * briefly.
 * <pre>
 * rapport:{team}:prompts:reviewers   STRING  comma-separated user ids; expires after {@link #CACHE}
 * </pre>
 */
@Component
class Reviewers {

  static final Duration CACHE = Duration.ofHours(1);

  private final Directory directory;
  private final UnifiedJedis redis;
  private final Outbox outbox;
  private final ConfiguredAdmins configuredAdmins;
  private final PromptSettings settings;

  Reviewers(Directory directory, UnifiedJedis redis, Outbox outbox, ConfiguredAdmins configuredAdmins,
            PromptSettings settings) {
    this.directory = directory;
    this.redis = redis;
    this.outbox = outbox;
    this.configuredAdmins = configuredAdmins;
    this.settings = settings;
  }

  List<String> of(String team) throws SlackCallException {
    String key = cacheKey(team);
    String cached = redis.get(key);
    if (cached != null) {
      return cached.isEmpty() ? List.of() : List.of(cached.split(","));
    }
    Set<String> found = new LinkedHashSet<>(configuredAdmins.of(team));
    found.addAll(directory.admins(team, settings.maxReviewers()));
    List<String> reviewers = found.stream().limit(settings.maxReviewers()).toList();
    redis.set(key, String.join(",", reviewers), SetParams.setParams().ex(CACHE.toSeconds()));
    return reviewers;
  }

  /** Drops the cached list (it names people; forget-me), so the next {@link #of} reads it again. */
  void forgetCached(String team) {
    redis.del(cacheKey(team));
  }

  private static String cacheKey(String team) {
    return Keys.team(team, "prompts", "reviewers");
  }

  /**
   * Sends each reviewer a DM through the outbox; {@code key} makes it idempotent (it must not contain user
   * ids). Returns how many reviewers there were.
   */
  int tell(String team, String key, String text, List<LayoutBlock> blocks) throws SlackCallException {
    return tell(team, key, text, blocks, null, Map.of());
  }

  /** The same, each DM tagged for {@code tag}'s listener with {@code context}. */
  int tell(String team, String key, String text, List<LayoutBlock> blocks, String tag, Map<String, String> context)
      throws SlackCallException {
    List<String> reviewers = of(team);
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < reviewers.size(); i++) {
      Delivery dm = Delivery.dm(team, List.of(reviewers.get(i)), key + ":" + i, text, blocks)
          .about(PromptJob.FEATURE, null, "admin notice");
      deliveries.add(tag == null ? dm : dm.withTag(tag, context));
    }
    outbox.sendAll(deliveries);
    return reviewers.size();
  }
}
