package dev.rapport.people;

import dev.rapport.store.Keys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.UnifiedJedis;

/**
 * How long someone has been in the workspace, as far as Rapport can tell: from the start date in their Slack
 * profile where the workspace fills it in ({@link Profile#slackStartDate()}), else from when Rapport first saw
 * them (in the directory or when they joined a channel). Everyone in a workspace when Rapport was installed
 * counts from that moment, so they are equally long-standing; people who arrive later count from when they did.
 * <pre>
 * rapport:{team}:people:seen   HASH  user -> epoch ms Rapport first saw them
 * </pre>
 */
@Component
public class Tenure {

  private static final int CHUNK = 1000;

  private final UnifiedJedis redis;
  private final Clock clock;

  Tenure(UnifiedJedis redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** Since when {@code profile}'s owner has been in the workspace (first seen now, if Rapport never saw them). */
  public Instant since(String team, Profile profile) {
    return started(profile).orElseGet(() -> firstSeen(team, profile.id()));
  }

  /** {@link #since(String, Profile)} of many people at once (one HMGET per 1,000). */
  public Map<String, Instant> since(String team, Collection<Profile> profiles) {
    List<Profile> all = List.copyOf(profiles);
    Map<String, Instant> since = new HashMap<>();
    List<String> unseen = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Profile> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      List<String> seen = redis.hmget(key(team), chunk.stream().map(Profile::id).toArray(String[]::new));
      for (int i = 0; i < chunk.size(); i++) {
        Profile p = chunk.get(i);
        String ms = seen.get(i);
        if (ms == null) {
          unseen.add(p.id());
        }
        since.put(p.id(), started(p).orElse(ms == null ? clock.instant() : Instant.ofEpochMilli(Long.parseLong(ms))));
      }
    }
    saw(team, unseen);
    return since;
  }

  /** The start date in their Slack profile, as the start of that day in UTC. */
  private static Optional<Instant> started(Profile profile) {
    return profile.slackStartDate().map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** When Rapport first saw {@code user}; now, noted, if it never did. */
  Instant firstSeen(String team, String user) {
    String now = String.valueOf(clock.millis());
    redis.hsetnx(key(team), user, now);
    String seen = redis.hget(key(team), user);
    return Instant.ofEpochMilli(Long.parseLong(seen == null ? now : seen));
  }

  /** Notes that Rapport saw {@code users} now, keeping the first time for those it saw before. */
  void saw(String team, Collection<String> users) {
    if (users.isEmpty()) {
      return;
    }
    String now = String.valueOf(clock.millis());
    List<String> all = List.copyOf(users);
    for (int from = 0; from < all.size(); from += CHUNK) {
      try (PipelineBase pipeline = redis.pipelined()) {
        for (String user : all.subList(from, Math.min(all.size(), from + CHUNK))) {
          pipeline.hsetnx(key(team), user, now);
        }
        pipeline.sync();
      }
    }
  }

  void forget(String team, String user) {
    redis.hdel(key(team), user);
  }

  private static String key(String team) {
    return Keys.team(team, "people", "seen");
  }
}
