package dev.rapport.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.model.Bot;
import com.slack.api.token_rotation.RefreshedToken;
import com.slack.api.token_rotation.TokenRotator;
import dev.rapport.store.Keys;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The bot token for a workspace: {@code SLACK_BOT_TOKEN} for a single-workspace install, or the
 * workspace's installation (OAuth), rotated before it expires when token rotation is on. Rotation takes a
 * short lock so two replicas never spend the same refresh token.
 * <pre>
 * rapport:{team}:install:rotating   STRING  lock while one instance rotates the token, expires after 30 s
 * </pre>
 */
@Component
class Tokens implements TokenSource {

  static final Duration ROTATE_BEFORE = Duration.ofMinutes(30);

  private final SlackSettings settings;
  private final Installations installations;
  private final UnifiedJedis redis;
  private final TokenRotator rotator;

  Tokens(SlackSettings settings, Installations installations, UnifiedJedis redis, Slack slack) {
    this.settings = settings;
    this.installations = installations;
    this.redis = redis;
    this.rotator = new TokenRotator(slack.methods(), ROTATE_BEFORE.toMillis(), settings.clientId(),
        settings.clientSecret());
  }

  @Override
  public String botToken(String team) {
    if (settings.mode() != SlackSettings.Mode.OAUTH) {
      if (settings.botToken() == null) {
        throw new NotInstalledException(team);
      }
      return settings.botToken();
    }
    Bot bot = installations.findBot(null, team);
    if (bot == null) {
      throw new NotInstalledException(team);
    }
    if (bot.getBotRefreshToken() == null || bot.getBotTokenExpiresAt() == null) {
      return bot.getBotAccessToken();
    }
    return rotateIfDue(team, bot);
  }

  private String rotateIfDue(String team, Bot bot) {
    if (bot.getBotTokenExpiresAt() > System.currentTimeMillis() + ROTATE_BEFORE.toMillis()) {
      return bot.getBotAccessToken();
    }
    String lock = Keys.team(team, "install", "rotating");
    if (redis.set(lock, "1", SetParams.setParams().nx().ex(30)) == null) {
      // Another instance is rotating; the current token is still valid for a while.
      return bot.getBotAccessToken();
    }
    try {
      Optional<RefreshedToken> refreshed = rotator.performTokenRotation(r -> r.accessToken(bot.getBotAccessToken())
          .refreshToken(bot.getBotRefreshToken()).expiresAt(bot.getBotTokenExpiresAt()));
      if (refreshed.isPresent()) {
        bot.setBotAccessToken(refreshed.get().getAccessToken());
        bot.setBotRefreshToken(refreshed.get().getRefreshToken());
        bot.setBotTokenExpiresAt(refreshed.get().getExpiresAt());
        installations.saveBot(bot);
      }
      return bot.getBotAccessToken();
    } catch (Exception e) {
      throw new IllegalStateException("token rotation failed for " + team, e);
    } finally {
      redis.del(lock);
    }
  }
}
