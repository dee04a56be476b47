package dev.rapport.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.util.JsonOps;
import dev.rapport.store.Keys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Workspace installations (OAuth), in Redis so every replica sees them. Only the bot's grant is kept:
 * Rapport asks for no user scopes, so there is no installer token, and no installer id is stored.
 * <pre>
 * rapport:{team}:install:bot   STRING  the bot installation (token, refresh token, expiry, scopes) as JSON
 * </pre>
 */
@Component
public class Installations implements InstallationService {

  private final UnifiedJedis redis;

  Installations(UnifiedJedis redis) {
    this.redis = redis;
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
    return json == null ? null : JsonOps.fromJson(json, DefaultBot.class);
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
