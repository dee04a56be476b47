package dev.rapport.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.util.JsonOps;
import com.slack.api.Slack;
import com.slack.api.token_rotation.RefreshedToken;
import com.slack.api.token_rotation.TokenRotator;
import dev.rapport.store.Aead;
import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import dev.rapport.store.Scans;
import dev.rapport.store.Sealer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Workspace installations (OAuth), in Redis so every replica sees them. Only the bot's grant is kept:
 * Rapport asks for no user scopes, so there is no installer token, and no installer id is stored.
 * With token rotation on, {@link #findBot} rotates a token that expires within {@link #ROTATE_BEFORE}
 * first, under a short lock so two replicas or two requests never spend the same (single-use) refresh
 * token, and hands out the installation without it.
 *
 * <p>Installations are sealed ({@link Sealer}, AES-256-GCM under {@code RAPPORT_ENCRYPTION_KEY}, bound to
 * their key and so to their workspace): whoever reads Redis reads no token. One read under a previous key,
 * or stored before sealing existed (plain JSON), is sealed again under the current key at once; after every
 * start {@link #resealAll} does the same for every installation, so a rotated-out key can be dropped after it.
 * <pre>
 * rapport:{team}:install:bot        STRING  the bot installation (token, refresh token, expiry, scopes) as
 *                                           JSON, sealed: sealed:1:{key id}:{base64}
 * rapport:{team}:install:rotating   STRING  lock while one instance rotates the token, expires after 30 s
 * </pre>
 */
@Component
public class Installations implements InstallationService {

  static final Duration ROTATE_BEFORE = Duration.ofMinutes(30);
  private static final Logger log = LoggerFactory.getLogger(Installations.class);

  private final UnifiedJedis redis;
  private final TokenRotator rotator;
  private final Sealer sealer;
  private final LuaScript reseal = LuaScript.load("slack/install-reseal");

  Installations(UnifiedJedis redis, Slack slack, SlackSettings settings, Sealer sealer) {
    if (settings.mode() == SlackSettings.Mode.OAUTH && !sealer.ready()) {
      throw new MissingEncryptionKeyException();
    }
    this.redis = redis;
    this.sealer = sealer;
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
    String key = key(bot.getTeamId());
    redis.set(key, sealer.seal(JsonOps.toJsonString(bot), key));
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
    String key = key(teamId);
    String stored = redis.get(key);
    if (stored == null) {
      return null;
    }
    Sealer.Opened opened;
    try {
      opened = sealer.open(stored, key);
    } catch (Sealer.UnknownKeyException | Aead.SealBrokenException e) {
      // Not a reason to erase anything: the right key may come back with the next deploy.
      log.error("The installation of workspace {} can't be read: {}", teamId, e.getMessage());
      return null;
    }
    if (opened.stale()) {
      resealIfUnchanged(teamId, key, stored, opened.text());
    }
    Bot bot = JsonOps.fromJson(opened.text(), DefaultBot.class);
    // Never on the ack path (rotating calls Slack): the token is still valid for ROTATE_BEFORE, and
    // SlackAuthorization has it rotated right after the ack.
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

  /**
   * Seals every installation stored in plain JSON or under a previous key with the current key, and says in
   * the log when none is left under an older key (then the previous keys can be removed). It scans all of
   * Redis, so it runs in the background after the start.
   */
  void resealAll() {
    if (!sealer.ready()) {
      return;
    }
    int resealed = 0;
    int unreadable = 0;
    // No hash tag in the pattern: on a cluster, every node is scanned.
    for (String key : Scans.keys(redis, "rapport:*:install:bot")) {
      String stored = redis.get(key);
      try {
        Sealer.Opened opened = stored == null ? null : sealer.open(stored, key);
        if (opened != null && opened.stale() && resealIfUnchanged(key, key, stored, opened.text())) {
          resealed++;
        }
      } catch (Sealer.UnknownKeyException | Aead.SealBrokenException e) {
        unreadable++;
        log.error("Installation {} can't be read: {}", key, e.getMessage());
      }
    }
    log.info("Installations are sealed with encryption key {}: {} sealed again now{}", sealer.currentKeyId()
        .orElseThrow(),
        resealed, unreadable == 0 ? "; none is left under an older key"
            : "; " + unreadable + " can't be opened with the configured keys");
  }

  /** Seals {@code json} again under the current key, unless the stored value changed since it was read. */
  boolean resealIfUnchanged(String what, String key, String stored, String json) {
    boolean replaced = Long.valueOf(1).equals(reseal.run(redis, List.of(key), List.of(stored, sealer.seal(json, key))));
    if (replaced) {
      log.info("Sealed the installation of {} with encryption key {}", what, sealer.currentKeyId().orElseThrow());
    }
    return replaced;
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
