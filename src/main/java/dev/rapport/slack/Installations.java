package dev.rapport.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.util.JsonOps;
import com.slack.api.Slack;
import com.slack.api.token_rotation.RefreshedToken;
import com.slack.api.token_rotation.TokenRotator;
import dev.rapport.store.Keys;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Workspace installations (OAuth), in Redis so every replica sees them. Only the bot's grant is kept:
 * Rapport asks for no user scopes, so there is no installer token, and no installer id is stored.
 * With token rotation on, {@link #findBot} rotates a token that expires within {@link #ROTATE_BEFORE}
 * first, under a short lock so two replicas or two requests never spend the same (single-use) refresh
 * token, and hands out the installation without it.
 * <pre>
 * rapport:{team}:install:bot        STRING  the bot installation (token, refresh token, expiry, scopes) as JSON
 * rapport:{team}:install:rotating   STRING  lock while one instance rotates the token, expires after 30 s
 * </pre>
 */
@Component
public class Installations implements InstallationService {

  static final Duration ROTATE_BEFORE = Duration.ofMinutes(30);

  private final UnifiedJedis redis;
  private final TokenRotator rotator;

  Installations(UnifiedJedis redis, Slack slack, SlackSettings settings) {
    this.redis = redis;
    this.rotator = new TokenRotator(slack.methods(), ROTATE_BEFORE.toMillis(), settings.clientId(),
        settings.clientSecret());
  }

  @Override
  public boolean isHistoricalDataEnabled() {
    return false;
  }

  @Override
  public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
    // Only the latest installation matters to Rapport.
  }

  @Override
  public void saveInstallerAndBot(Installer installer) {
    saveBot(installer.toBot());
  }

  @Override
  public void saveBot(Bot bot) {
    if (bot.getTeamId() == null) {
      throw new UserError("Rapport installs per workspace; org-wide installation isn't supported.");
    }
    redis.set(key(bot.getTeamId()), JsonOps.toJsonString(bot));
  }

  @Override
  public void deleteBot(Bot bot) {
    if (bot.getTeamId() != null) {
      redis.del(key(bot.getTeamId()));
    }
  }

  @Override
  public void deleteInstaller(Installer installer) {
    // nothing stored per installer
  }

  @Override
  public Bot findBot(String enterpriseId, String teamId) {
    if (teamId == null) {
      return null;
    }
    String json = redis.get(key(teamId));
    if (json == null) {
      return null;
    }
    Bot bot = JsonOps.fromJson(json, DefaultBot.class);
    // Never on the ack path (rotating calls Slack): the token is still valid for ROTATE_BEFORE, and the next
    // Web API call, which runs after the ack, rotates it.
    if (bot.getBotRefreshToken() != null && bot.getBotTokenExpiresAt() != null && !AckPath.active()) {
      rotateIfDue(teamId, bot);
    }
    // The refresh token never leaves this class: nobody else (Bolt's middleware included, which would
    // rotate without the lock) can spend it.
    bot.setBotRefreshToken(null);
    return bot;
  }

  private void rotateIfDue(String team, Bot bot) {
    if (bot.getBotTokenExpiresAt() > System.currentTimeMillis() + ROTATE_BEFORE.toMillis()) {
      return;
    }
    String lock = Keys.team(team, "install", "rotating");
    if (redis.set(lock, "1", SetParams.setParams().nx().ex(30)) == null) {
      // Another instance is rotating; the current token is still valid for a while.
      return;
    }
    try {
      Optional<RefreshedToken> refreshed = rotator.performTokenRotation(r -> r.accessToken(bot.getBotAccessToken())
          .refreshToken(bot.getBotRefreshToken()).expiresAt(bot.getBotTokenExpiresAt()));
      if (refreshed.isPresent()) {
        bot.setBotAccessToken(refreshed.get().getAccessToken());
        bot.setBotRefreshToken(refreshed.get().getRefreshToken());
        bot.setBotTokenExpiresAt(refreshed.get().getExpiresAt());
        saveBot(bot);
      }
    } catch (Exception e) {
      throw new IllegalStateException("token rotation failed for " + team, e);
    } finally {
      redis.del(lock);
    }
  }

  @Override
  public Installer findInstaller(String enterpriseId, String teamId, String userId) {
    return null;
  }

  @Override
  public void deleteAll(String enterpriseId, String teamId) {
    if (teamId != null) {
      redis.del(key(teamId));
    }
  }

  private static String key(String team) {
    return Keys.team(team, "install", "bot");
  }
}
