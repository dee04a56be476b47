package dev.rapport.slack;

import com.slack.api.bolt.service.OAuthStateService;
import dev.rapport.store.Keys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * OAuth {@code state} values between "Add to Slack" and the redirect back, so any replica can finish
 * an install another one started. They expire with the browser cookie.
 * <pre>
 * rapport:{oauth}:state:{state}   STRING  "1", expires after 10 minutes
 * </pre>
 */
@Component
class OAuthStates implements OAuthStateService {

  private final UnifiedJedis redis;

  OAuthStates(UnifiedJedis redis) {
    this.redis = redis;
  }

  @Override
  public void addNewStateToDatastore(String state) {
    redis.set(key(state), "1", SetParams.setParams().ex(getExpirationInSeconds()));
  }

  @Override
  public boolean isAvailableInDatabase(String state) {
    return state != null && redis.exists(key(state));
  }

  @Override
  public void deleteStateFromDatastore(String state) {
    if (state != null) {
      redis.del(key(state));
    }
  }

  private static String key(String state) {
    return Keys.shared("oauth", "state", state);
  }
}
