package dev.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.rapport.store.Keys;
import dev.rapport.store.Scans;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * When a workspace uninstalls Rapport (or revokes its bot token), its installation and all its data go:
 * modules clear their shared queues and indexes, then every {@code rapport:{team}:*} key is deleted.
 */
@Component
class Uninstalls implements SlackFeature {

  private static final Logger log = LoggerFactory.getLogger(Uninstalls.class);

  private final UnifiedJedis redis;
  private final ObjectProvider<WorkspaceData> modules;
  private final BackgroundWork work;

  Uninstalls(UnifiedJedis redis, ObjectProvider<WorkspaceData> modules, BackgroundWork work) {
    this.redis = redis;
    this.modules = modules;
    this.work = work;
  }

  @Override
  public void register(App app) {
    app.event(AppUninstalledEvent.class, (payload, ctx) -> {
      String team = payload.getTeamId();
      work.submit("erase an uninstalled workspace", () -> erase(team));
      return ctx.ack();
    });
    app.event(TokensRevokedEvent.class, (payload, ctx) -> {
      var tokens = payload.getEvent().getTokens();
      if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
        String team = payload.getTeamId();
        work.submit("erase a workspace whose bot token was revoked", () -> erase(team));
      }
      return ctx.ack();
    });
  }

  void erase(String team) throws Exception {
    for (WorkspaceData module : modules.orderedStream().toList()) {
      module.erase(team);
    }
    List<String> keys = Scans.keys(redis, Keys.teamPattern(team));
    for (int from = 0; from < keys.size(); from += 500) {
      redis.del(keys.subList(from, Math.min(keys.size(), from + 500)).toArray(String[]::new));
    }
    log.info("Workspace {} uninstalled Rapport: erased its installation and {} keys", team, keys.size());
  }
}
