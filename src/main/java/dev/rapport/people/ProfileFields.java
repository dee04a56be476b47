package dev.rapport.people;

import com.fasterxml.jackson.core.type.TypeReference;
import com.slack.api.model.User;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import dev.rapport.store.Keys;
import dev.rapport.store.StoredJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * A person's custom profile fields, the ones a workspace's Slack admins define ("Office", "Manager",
 * "Department", …), read by their label with {@code users.profile.get} and cached like profiles. A field of
 * Slack's "user" type (a manager, say) holds a user id. Labels are matched without regard to case or the
 * spaces around them, since admins type them into settings by hand. Which fields the workspace defines, and
 * their types, come from {@code team.profile.get} ({@link #definitions}), asked afresh each time (not cached:
 * an admin who just added a field is believed at once).
 * <pre>
 * rapport:{team}:people:fields:{user}   STRING  label (lower case) -> value as JSON; expires after the profile
 *                                               cache TTL
 * </pre>
 */
@Component
public class ProfileFields {

  /** How long a read of many people's fields (a round) waits out Slack's rate limits in all. */
  public static final Duration PATIENCE = Duration.ofMinutes(2);

  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

  private final SlackGateway slack;
  private final UnifiedJedis redis;
  private final PeopleSettings settings;
  private final StoredJson json;
  private final Clock clock;

  ProfileFields(SlackGateway slack, UnifiedJedis redis, PeopleSettings settings, StoredJson json, Clock clock) {
    this.slack = slack;
    this.redis = redis;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
  }

  /** The value of the field labelled {@code label}, or empty when the person has none (or it is blank). */
  public Optional<String> value(String team, String user, String label) throws SlackCallException {
    String value = all(team, user).get(normal(label));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * As {@link #value(String, String, String)}, waiting out Slack's rate limits (as long as its Retry-After asks)
   * until {@code giveUp}: a round reads a field for everyone in a channel, more than {@code users.profile.get}
   * allows in a minute. Other failures, and a limit that outlasts {@code giveUp}, are thrown.
   */
  public Optional<String> value(String team, String user, String label, Instant giveUp) throws SlackCallException {
    while (true) {
      try {
        return value(team, user, label);
      } catch (SlackCallException e) {
        Duration wait = e.retryAfter() == null ? Duration.ofSeconds(1) : e.retryAfter();
        if (e.kind() != SlackCallException.Kind.RATE_LIMITED || clock.instant().plus(wait).isAfter(giveUp)) {
          throw e;
        }
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** When a read of many fields starting now stops waiting out rate limits. */
  public Instant giveUp() {
    return clock.instant().plus(PATIENCE);
  }

  /**
   * Every custom field the person filled in, by label in lower case. On the ack path, fields that aren't cached
   * stop the command there ({@link AnswerLater#ifOnAckPath}), to be answered after the ack.
   */
  public Map<String, String> all(String team, String user) throws SlackCallException {
    String key = key(team, user);
    String cached = redis.get(key);
    if (cached != null) {
      Optional<Map<String, String>> fields = json.readIfValid(cached, FIELDS);
      if (fields.isPresent()) {
        return fields.get();
      }
      redis.del(key);
    }
    AnswerLater.ifOnAckPath(AnswerLater.CHECKING_PROFILE);
    User.Profile profile = slack.call(team, "users.profile.get",
        c -> c.usersProfileGet(r -> r.user(user).includeLabels(true))).getProfile();
    Map<String, String> fields = new LinkedHashMap<>();
    if (profile != null && profile.getFields() != null) {
      profile.getFields().values().forEach(field -> {
        if (field.getLabel() != null && field.getValue() != null && !field.getValue().isBlank()) {
          fields.put(normal(field.getLabel()), field.getValue());
        }
      });
    }
    redis.set(key, json.write(fields), SetParams.setParams().ex(settings.profileCacheTtl().toSeconds()));
    return fields;
  }

  void evict(String team, String user) {
    redis.del(key(team, user));
  }

  /** A custom field the workspace defines: its label and Slack's type ("text", "date", "user", …). */
  public record Definition(String label, String type) {

    /** Slack's "Person" field: its values are user ids. */
    public boolean person() {
      return "user".equals(type);
    }
  }

  /** The workspace's custom profile fields, in Slack's order ({@code team.profile.get}). */
  public List<Definition> definitions(String team) throws SlackCallException {
    var profile = slack.call(team, "team.profile.get", c -> c.teamProfileGet(r -> r)).getProfile();
    List<Definition> all = new ArrayList<>();
    if (profile != null && profile.getFields() != null) {
      profile.getFields().stream().filter(f -> f.getLabel() != null && !f.getLabel().isBlank())
          .forEach(f -> all.add(new Definition(f.getLabel().strip(), f.getType() == null ? "" : f.getType())));
    }
    return all;
  }

  /** The field of {@code all} labelled {@code label}, compared as {@link #value} compares labels. */
  public static Optional<Definition> named(List<Definition> all, String label) {
    return all.stream().filter(d -> sameLabel(d.label(), label)).findFirst();
  }

  /** Whether two labels name the same field ("  Office " and "office" do). */
  public static boolean sameLabel(String a, String b) {
    return normal(a).equals(normal(b));
  }

  /** How a label is compared: "  Office " and "office" are the same field. */
  static String normal(String label) {
    return label.strip().toLowerCase(Locale.ROOT);
  }

  private static String key(String team, String user) {
    return Keys.team(team, "people", "fields", user);
  }
}
