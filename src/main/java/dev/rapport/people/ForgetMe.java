package dev.rapport.people;

import dev.rapport.store.Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * {@code /coffee forget-me}: every feature that keeps something about a person ({@link PersonalData}) erases
 * them from the workspace. Erasing reads a good part of the workspace's data, so a person may ask once a
 * minute: the mark that says so names them only by a hash and is gone after that minute.
 * <pre>
 * rapport:{team}:people:forgetting:{sha-256 of team and user, 16 hex}   STRING  "1", expires after a minute
 * </pre>
 */
@Component
public class ForgetMe {

  static final Duration ONCE_PER = Duration.ofMinutes(1);

  private final UnifiedJedis redis;
  private final ObjectProvider<PersonalData> features;

  ForgetMe(UnifiedJedis redis, ObjectProvider<PersonalData> features) {
    this.redis = redis;
    this.features = features;
  }

  /** Erases {@code user} from {@code team} everywhere; false (and nothing done) if they asked within a minute. */
  public boolean forget(String team, String user) throws Exception {
    String mark = Keys.team(team, "people", "forgetting", hash(team, user));
    if (redis.set(mark, "1", SetParams.setParams().nx().ex(ONCE_PER.toSeconds())) == null) {
      return false;
    }
    for (PersonalData data : features.orderedStream().toList()) {
      data.forget(team, user);
    }
    return true;
  }

  private static String hash(String team, String user) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((team + ":" + user).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
