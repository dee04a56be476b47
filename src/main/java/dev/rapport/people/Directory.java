package dev.rapport.people;

import com.slack.api.model.User;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import dev.rapport.store.Keys;
import dev.rapport.store.StoredJson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Who is in a channel and what Slack says about them, for work on whole channels (pairing rounds, pulse
 * invitations). Channel members are read with pagination (channels of 10,000 work); profiles come from
 * {@code users.list} in pages of 1,000 and are cached for the workspace, so a round costs a handful of
 * calls instead of one {@code users.info} per person. Everyone it lists is noted as seen ({@link Tenure}).
 * <pre>
 * rapport:{team}:people:directory   HASH    user -> Profile as JSON (refreshed when older than maxAge)
 * rapport:{team}:people:directory:at STRING epoch ms of the last refresh
 * </pre>
 */
@Component
public class Directory {

  static final Duration MAX_AGE = Duration.ofHours(1);

  private final SlackGateway slack;
  private final UnifiedJedis redis;
  private final StoredJson json;
  private final Tenure tenure;
  private final Clock clock;

  Directory(SlackGateway slack, UnifiedJedis redis, StoredJson json, Tenure tenure, Clock clock) {
    this.slack = slack;
    this.redis = redis;
    this.json = json;
    this.tenure = tenure;
    this.clock = clock;
  }

  /** Every member of {@code channel}, as Slack lists them (bots and deactivated accounts included). */
  public List<String> members(String team, String channel) throws SlackCallException {
    Set<String> members = new LinkedHashSet<>();
    String cursor = null;
    do {
      String page = cursor;
      var response = slack.call(team, "conversations.members",
          c -> c.conversationsMembers(r -> r.channel(channel).limit(1000).cursor(page)));
      members.addAll(response.getMembers());
      cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return new ArrayList<>(members);
  }

  /** Profiles of {@code users}; unknown ids (e.g. just created accounts) are fetched one by one. */
  public Map<String, Profile> profiles(String team, List<String> users) throws SlackCallException {
    refreshIfStale(team);
    Map<String, Profile> profiles = new HashMap<>();
    List<String> values = users.isEmpty() ? List.of()
        : redis.hmget(directory(team), users.toArray(String[]::new));
    for (int i = 0; i < users.size(); i++) {
      String raw = values.get(i);
      Profile profile = raw != null ? read(raw) : fetchOne(team, users.get(i));
      if (profile != null) {
        profiles.put(users.get(i), profile);
      }
    }
    return profiles;
  }

  /**
   * The workspace's active owners and admins (owners first), at most {@code max}, from the cached
   * directory: no extra Slack call while it is fresh.
   */
  public List<String> admins(String team, int max) throws SlackCallException {
    refreshIfStale(team);
    List<Profile> found = new ArrayList<>();
    redis.hvals(directory(team)).forEach(raw -> {
      Profile p = read(raw);
      if (p.isHuman() && (p.admin() || p.owner())) {
        found.add(p);
      }
    });
    found.sort(java.util.Comparator.comparing((Profile p) -> !p.owner()).thenComparing(Profile::id));
    return found.stream().limit(max).map(Profile::id).toList();
  }

  /** The workspace's active people (no bots, no deactivated accounts), by name, at most {@code max}. */
  public List<Profile> people(String team, int max) throws SlackCallException {
    refreshIfStale(team);
    List<Profile> found = new ArrayList<>();
    redis.hvals(directory(team)).forEach(raw -> {
      Profile p = read(raw);
      if (p.isHuman()) {
        found.add(p);
      }
    });
    found.sort(java.util.Comparator.comparing((Profile p) -> p.name() == null ? p.id() : p.name()));
    return found.stream().limit(max).toList();
  }

  /** Forgets one person's cached profile (forget-me). */
  public void forget(String team, String user) {
    redis.hdel(directory(team), user);
  }

  private void refreshIfStale(String team) throws SlackCallException {
    try {
      refresh(team);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the directory", e);
    }
  }

  private void refresh(String team) throws SlackCallException, InterruptedException {
    String at = redis.get(directory(team) + ":at");
    if (at != null && clock.millis() - Long.parseLong(at) < MAX_AGE.toMillis()) {
      return;
    }
    Map<String, String> all = new HashMap<>();
    String cursor = null;
    do {
      String page = cursor;
      var response = slack.call(team, "users.list", c -> c.usersList(r -> r.limit(1000).cursor(page)));
      for (User user : response.getMembers()) {
        all.put(user.getId(), write(Profiles.of(user)));
      }
      cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
      if (cursor != null && !cursor.isEmpty()) {
        // Between pages of a big workspace: let commands have the CPU (and Slack's Tier 2 likes it too).
        Thread.sleep(10);
      }
    } while (cursor != null && !cursor.isEmpty());
    if (!all.isEmpty()) {
      redis.hset(directory(team), all);
      tenure.saw(team, all.keySet());
    }
    redis.set(directory(team) + ":at", String.valueOf(clock.millis()));
  }

  private Profile fetchOne(String team, String user) throws SlackCallException {
    try {
      User u = slack.call(team, "users.info", c -> c.usersInfo(r -> r.user(user))).getUser();
      Profile profile = Profiles.of(u);
      redis.hset(directory(team), user, write(profile));
      tenure.saw(team, List.of(user));
      return profile;
    } catch (SlackCallException e) {
      if (e.kind() == SlackCallException.Kind.API_ERROR) {
        return null;
      }
      throw e;
    }
  }

  private static String directory(String team) {
    return Keys.team(team, "people", "directory");
  }

  private String write(Profile profile) {
    return json.write(profile);
  }

  private Profile read(String raw) {
    return json.read(raw, Profile.class);
  }
}
