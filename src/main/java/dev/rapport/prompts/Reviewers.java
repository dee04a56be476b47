package dev.rapport.prompts;

import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.people.PeopleSettings;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import dev.rapport.store.Keys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The admins who review suggestions and hear when scheduled prompts ran out: the people in
 * {@code RAPPORT_ADMINS} first, then the workspace's owners and admins (read from {@code users.list}, at
 * most {@link #MAX_PAGES} pages), at most {@code maxReviewers} people. The list is cached briefly.
 * <pre>
 * rapport:{team}:prompts:reviewers   STRING  comma-separated user ids; expires after {@link #CACHE}
 * </pre>
 */
@Component
class Reviewers {

  static final Duration CACHE = Duration.ofHours(1);
  static final int MAX_PAGES = 20;

  private final SlackGateway slack;
  private final UnifiedJedis redis;
  private final Outbox outbox;
  private final PeopleSettings people;
  private final PromptSettings settings;

  Reviewers(SlackGateway slack, UnifiedJedis redis, Outbox outbox, PeopleSettings people,
            PromptSettings settings) {
    this.slack = slack;
    this.redis = redis;
    this.outbox = outbox;
    this.people = people;
    this.settings = settings;
  }

  List<String> of(String team) throws SlackCallException {
    String key = Keys.team(team, "prompts", "reviewers");
    String cached = redis.get(key);
    if (cached != null) {
      return cached.isEmpty() ? List.of() : List.of(cached.split(","));
    }
    Set<String> found = new LinkedHashSet<>(people.admins());
    List<String> owners = new ArrayList<>();
    List<String> admins = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String page = cursor;
      var response = slack.call(team, "users.list", c -> c.usersList(r -> r.limit(1000).cursor(page)));
      for (User u : response.getMembers()) {
        if (u.isDeleted() || u.isBot() || u.isAppUser() || "USLACKBOT".equals(u.getId())) {
          continue;
        }
        if (u.isOwner() || u.isPrimaryOwner()) {
          owners.add(u.getId());
        } else if (u.isAdmin()) {
          admins.add(u.getId());
        }
      }
      cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty() && ++pages < MAX_PAGES);
    found.addAll(owners);
    found.addAll(admins);
    List<String> reviewers = found.stream().limit(settings.maxReviewers()).toList();
    redis.set(key, String.join(",", reviewers), SetParams.setParams().ex(CACHE.toSeconds()));
    return reviewers;
  }

  /**
   * Sends each reviewer a DM through the outbox; {@code key} makes it idempotent (it must not contain user
   * ids). Returns how many reviewers there were.
   */
  int tell(String team, String key, String text, List<LayoutBlock> blocks) throws SlackCallException {
    List<String> reviewers = of(team);
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < reviewers.size(); i++) {
      deliveries.add(Delivery.dm(team, List.of(reviewers.get(i)), key + ":" + i, text, blocks));
    }
    outbox.sendAll(deliveries);
    return reviewers.size();
  }
}
