package dev.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import dev.rapport.store.Keys;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * When a workspace uninstalls Rapport (or revokes its bot token), its installation and all its data go:
 * {@link WorkspaceUninstalled} lets modules clear their part of shared queues and indexes, then every
 * {@code rapport:{team}:*} key (the installation among them) is deleted. Each step can run again, so an
 * erasure cut short by a crash completes when Slack sends the event again or the workspace uninstalls again.
 */
@Component
class Uninstalls implements SlackFeature, KeyLayout {

  private static final Logger log = LoggerFactory.getLogger(Uninstalls.class);

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
        """);
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
    events.publishEvent(new WorkspaceUninstalled(team));
    List<String> keys = new ArrayList<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams match = new ScanParams().match(Keys.teamPattern(team)).count(1000);
    do {
      var page = redis.scan(cursor, match);
      keys.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    for (int from = 0; from < keys.size(); from += 500) {
      redis.del(keys.subList(from, Math.min(keys.size(), from + 500)).toArray(String[]::new));
    }
    log.info("Workspace {} uninstalled Rapport: erased its installation and {} keys", team, keys.size());
  }
}
