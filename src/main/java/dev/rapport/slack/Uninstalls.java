package dev.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import dev.rapport.store.Keys;
import dev.rapport.store.Scans;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * When a workspace uninstalls Rapport (or revokes its bot token), its installation and all its data go. Before
 * the ack the workspace is noted as pending; after it, {@link WorkspaceUninstalled} goes to every module (this one
 * deletes every {@code rapport:{team}:*} key, the installation among them; others clear their part of shared
 * queues and indexes), and then the note goes. Every step can run again, so an erasure a crash cut short is run
 * again, whole, when an instance starts.
 * <pre>
 * rapport:{uninstalls}:pending   SET  workspaces whose erasure has not finished
 * </pre>
 */
@Component
class Uninstalls implements SlackFeature, KeyLayout {

  private static final Logger log = LoggerFactory.getLogger(Uninstalls.class);
  static final String PENDING = Keys.shared("uninstalls", "pending");

  private final UnifiedJedis redis;
  private final ApplicationEventPublisher events;
  private final BackgroundWork work;

  Uninstalls(UnifiedJedis redis, ApplicationEventPublisher events, BackgroundWork work) {
    this.redis = redis;
    this.events = events;
    this.work = work;
  }

  /**
   * Every key family {@code slack/} writes ({@link Installations}, {@link EventDedupe}, {@link Replays},
   * {@link OAuthStates}): none names a person (the installation is sealed), and the shared ones name no workspace.
   */
  @Override
  public List<KeyFamily> keyFamilies() {
    return KeyFamily.table("""
        rapport:{team}:install:bot
        rapport:{team}:install:rotating
        rapport:{team}:events:seen:{event_id}
        rapport:{requests}:seen:{signature}
        rapport:{oauth}:state:{state}
        rapport:{uninstalls}:pending           WORKSPACE
        """);
  }

  @Override
  public void register(App app) {
    app.event(AppUninstalledEvent.class, (payload, ctx) -> {
      start(payload.getTeamId(), "erase an uninstalled workspace");
      return ctx.ack();
    });
    app.event(TokensRevokedEvent.class, (payload, ctx) -> {
      var tokens = payload.getEvent().getTokens();
      if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
        start(payload.getTeamId(), "erase a workspace whose bot token was revoked");
      }
      return ctx.ack();
    });
  }

  /** Erasures a stopped instance left unfinished run again (in the background: Redis may be slow to come). */
  @EventListener(ApplicationReadyEvent.class)
  void resume() {
    work.submit("finish erasing uninstalled workspaces", () -> {
      for (String team : redis.smembers(PENDING)) {
        erase(team);
      }
    });
  }

  private void start(String team, String what) {
    redis.sadd(PENDING, team);
    work.submit(what, () -> erase(team));
  }

  void erase(String team) {
    events.publishEvent(new WorkspaceUninstalled(team));
    redis.srem(PENDING, team);
  }

  /**
   * This module's part: every key under the workspace's own hash tag, whichever module wrote it. (So other
   * modules' listeners must not count on the workspace's keys: they may be gone already.)
   */
  @EventListener
  void deleteWorkspaceKeys(WorkspaceUninstalled uninstalled) {
    String team = uninstalled.team();
    List<String> keys = Scans.keys(redis, Keys.teamPattern(team));
    for (int from = 0; from < keys.size(); from += 500) {
      redis.del(keys.subList(from, Math.min(keys.size(), from + 500)).toArray(String[]::new));
    }
    log.info("Workspace {} uninstalled Rapport: erased its installation and {} keys", team, keys.size());
  }
}
