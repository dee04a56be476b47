package dev.rapport.prompts;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.DeliveryListener;
import dev.rapport.outbox.Outbox;
import dev.rapport.slack.MessageRef;
import dev.rapport.store.Keys;
import dev.rapport.store.Scans;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * The review DMs of a suggestion, one per reviewer: where each landed, so that once one admin decides,
 * every other reviewer's DM changes to say who decided (and loses its buttons); the deciding admin's own
 * changes through the button's response. A DM that lands after the decision is changed as it lands.
 * <pre>
 * rapport:{team}:prompts:review:{id}   HASH  review delivery key -> "channel ts" of that DM; "decided" -> what
 *                                            every DM now says; expires with the suggestion, or
 *                                            {@link #AFTER_DECISION} after the decision
 * </pre>
 * The decision names the admin who made it: forget-me deletes the hashes that do ({@link #forget}).
 */
@Component
class ReviewDms implements DeliveryListener {

  static final String TAG = "prompts-review";
  static final Duration AFTER_DECISION = Duration.ofDays(1);
  private static final String DECIDED = "decided";

  private final UnifiedJedis redis;
  private final Outbox outbox;

  ReviewDms(UnifiedJedis redis, Outbox outbox) {
    this.redis = redis;
    this.outbox = outbox;
  }

  @Override
  public String tag() {
    return TAG;
  }

  /** Context for each review DM, so that {@link #delivered} knows its suggestion. */
  static Map<String, String> context(String suggestion) {
    return Map.of("suggestion", suggestion);
  }

  /** A review DM landed: remembered; if the suggestion was decided meanwhile, changed at once. */
  @Override
  public void delivered(Delivery delivery, String channel, String ts) {
    String team = delivery.team();
    String key = key(team, delivery.context().get("suggestion"));
    MessageRef landed = new MessageRef(channel, ts);
    redis.hset(key, delivery.id(), landed.encode());
    if (redis.ttl(key) < 0) {
      redis.expire(key, Suggestions.KEEP.toSeconds());
    }
    // Written before the decision is read, as decide() writes the decision before reading the DMs: one of
    // the two sees the other, whichever comes first; the update's key makes a double harmless.
    String decided = redis.hget(key, DECIDED);
    if (decided != null) {
      update(team, delivery.id(), landed, decided);
    }
  }

  /**
   * Records {@code text} as what every review DM of {@code suggestion} now says, and changes them, except
   * the one in {@code answeredChannel} (the deciding admin's, answered through its button).
   */
  void decide(String team, String suggestion, String text, String answeredChannel) {
    String key = key(team, suggestion);
    redis.hset(key, DECIDED, text);
    redis.expire(key, AFTER_DECISION.toSeconds());
    for (Map.Entry<String, String> dm : redis.hgetAll(key).entrySet()) {
      if (!dm.getKey().equals(DECIDED)) {
        MessageRef.parse(dm.getValue()).filter(at -> !at.in(answeredChannel))
            .ifPresent(at -> update(team, dm.getKey(), at, text));
      }
    }
  }

  /** What the review DMs say since the decision, if it was made (and is still kept). */
  Optional<String> decision(String team, String suggestion) {
    return Optional.ofNullable(redis.hget(key(team, suggestion), DECIDED));
  }

  /** Forget-me: the decisions {@code user} made (or was named in) go. */
  void forget(String team, String user) {
    Scans.keys(redis, key(team, "*"), key -> {
      String decided = redis.hget(key, DECIDED);
      if (decided != null && decided.contains(user)) {
        redis.del(key);
      }
    });
  }

  private void update(String team, String reviewKey, MessageRef at, String text) {
    outbox.send(Delivery.update(team, at.channel(), at.ts(), reviewKey + ":decided", text,
        List.of(section(s -> s.text(markdownText(text))))).about(PromptJob.FEATURE, null, "admin notice"));
  }

  private static String key(String team, String suggestion) {
    return Keys.team(team, "prompts", "review", suggestion);
  }
}
