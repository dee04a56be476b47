package dev.rapport.people;

import com.slack.api.model.User;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import dev.rapport.store.Keys;
import dev.rapport.store.StoredJson;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Slack profiles, read with {@code users.info} and cached in Redis so replicas share them and Slack's
 * rate limits are spared.
 * <pre>
 * rapport:{team}:people:profile:{user}   STRING  Profile as JSON, expires after the profile cache TTL
 * </pre>
 */
@Component
public class Profiles {

  private final SlackGateway slack;
  private final UnifiedJedis redis;
  private final PeopleSettings settings;
  private final StoredJson json;

  Profiles(SlackGateway slack, UnifiedJedis redis, PeopleSettings settings, StoredJson json) {
    this.slack = slack;
    this.redis = redis;
    this.settings = settings;
    this.json = json;
  }

  /**
   * The cached profile, or Slack's. On the ack path, where Slack may not be asked, a profile that isn't
   * cached stops it ({@link AnswerLater#ifOnAckPath}): the command is answered after the ack.
   */
  public Profile get(String team, String user) throws SlackCallException {
    String key = Keys.team(team, "people", "profile", user);
    String cached = redis.get(key);
    if (cached != null) {
      Optional<Profile> fresh = json.readIfValid(cached, Profile.class);
      if (fresh.isPresent()) {
        return fresh.get();
      }
      redis.del(key);
    }
    AnswerLater.ifOnAckPath(AnswerLater.CHECKING_PROFILE);
    User u = slack.call(team, "users.info", c -> c.usersInfo(r -> r.user(user))).getUser();
    Profile profile = of(u);
    redis.set(key, json.write(profile), SetParams.setParams().ex(settings.profileCacheTtl().toSeconds()));
    return profile;
  }

  /**
   * The person's Slack time zone, or UTC when it is unknown (none set, an id Java doesn't know, or Slack
   * unreachable): the default zone of a cadence, which they can always override with {@code tz}.
   */
  public ZoneId zone(String team, String user) {
    return knownZone(team, user).orElse(ZoneOffset.UTC);
  }

  /**
   * The person's Slack time zone, or empty when it is unknown (none set, an id Java doesn't know, or Slack
   * unreachable), so a caller that assumes one can say which.
   */
  public Optional<ZoneId> knownZone(String team, String user) {
    try {
      String tz = get(team, user).timeZone();
      return tz == null || tz.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(tz));
    } catch (SlackCallException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Forgets a cached profile (after forget-me, or when Slack says it changed). */
  public void evict(String team, String user) {
    redis.del(Keys.team(team, "people", "profile", user));
  }

  static Profile of(User u) {
    User.Profile p = u.getProfile();
    String title = p == null ? null : p.getTitle();
    String name = u.getRealName() != null && !u.getRealName().isBlank() ? u.getRealName() : u.getName();
    boolean away = OutOfOffice.says(p);
    return new Profile(u.getId(), name, u.getTz(), u.getTzOffset() == null ? 0 : u.getTzOffset(),
        u.isAdmin(), u.isOwner() || u.isPrimaryOwner(), u.isBot() || u.isAppUser(), u.isDeleted(),
        u.isRestricted() || u.isUltraRestricted(), title, away, away ? OutOfOffice.until(p) : 0,
        p == null ? null : p.getStartDate());
  }
}
