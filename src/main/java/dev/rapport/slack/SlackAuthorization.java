package dev.rapport.slack;

import com.google.gson.Gson;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's authorization step without a Slack call on the ack path (Bolt's own middleware calls
 * {@code auth.test} on the request thread whenever its cache is cold or ten minutes old). The workspace's
 * bot token comes from the configuration or from its installation in Redis (rotated after the ack when it
 * expires soon); the bot's identity (for
 * ignoring its own events) from the installation, or, for a single workspace, from an {@code auth.test}
 * that runs in the background at start and every ten minutes. A token Slack declared invalid gets 401, as
 * with Bolt; a workspace without an installation gets a friendly ephemeral answer to its commands, and 401
 * otherwise.
 */
final class SlackAuthorization implements Middleware {

  static final Duration IDENTITY_MAX_AGE = Duration.ofMinutes(10);
  static final String NOT_INSTALLED = ":electric_plug: Rapport isn't installed in this workspace (any more). "
      + "Ask your Slack admin to install it again.";

  private static final Logger log = LoggerFactory.getLogger(SlackAuthorization.class);
  private static final Gson GSON = new Gson();

  private final SlackSettings settings;
  private final Installations installations;
  private final SlackGateway slack;
  private final BackgroundWork work;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile AuthTestResponse identity;
  private volatile long identityAt;

  SlackAuthorization(SlackSettings settings, Installations installations, SlackGateway slack, BackgroundWork work) {
    this.settings = settings;
    this.installations = installations;
    this.slack = slack;
    this.work = work;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (MiddlewareOps.isNoAuthRequiredRequest(req.getRequestType()) || MiddlewareOps.isNoTokenRequiredRequest(req)) {
      return chain.next(req);
    }
    Context context = req.getContext();
    if (settings.mode() == SlackSettings.Mode.OAUTH) {
      Bot bot = installations.findBot(context.getEnterpriseId(), context.getTeamId());
      if (bot == null) {
        return notInstalled(req);
      }
      context.setBotToken(bot.getBotAccessToken());
      context.setBotId(bot.getBotId());
      context.setBotUserId(bot.getBotUserId());
      rotateSoonIfDue(context.getTeamId(), bot);
      return chain.next(req);
    }
    refreshIfStale();
    AuthTestResponse known = identity;
    if (known != null && !known.isOk()) {
      log.warn("Refusing a request: Slack said the bot token is not valid ({})", known.getError());
      return unknownWorkspace();
    }
    context.setBotToken(settings.botToken());
    if (known != null) {
      context.setBotUserId(known.getUserId());
      context.setBotId(known.getBotId());
      if (known.getTeamId() != null) {
        context.setTeamId(known.getTeamId());
      }
    }
    return chain.next(req);
  }

  /**
   * A token that expires soon is rotated right after the ack (looking the installation up off the ack path
   * rotates it, under its lock), so a workspace that only sends requests never runs out of token.
   */
  private void rotateSoonIfDue(String team, Bot bot) {
    Long expiresAt = bot.getBotTokenExpiresAt();
    if (expiresAt != null && expiresAt <= System.currentTimeMillis() + Installations.ROTATE_BEFORE.toMillis()) {
      work.trySubmit("rotate a bot token", () -> installations.findBot(null, team)); // or at the next request
    }
  }

  /** Reads the bot's identity in the background when it is unknown or older than {@link #IDENTITY_MAX_AGE}. */
  void refreshIfStale() {
    if (settings.botToken() == null
        || (identity != null && System.currentTimeMillis() - identityAt < IDENTITY_MAX_AGE.toMillis())
        || !refreshing.compareAndSet(false, true)) {
      return;
    }
    boolean queued = work.trySubmit("read the bot's identity (auth.test)", () -> {
      try {
        identity = slack.callWithToken(settings.botToken(), "auth.test", c -> c.authTest(r -> r));
        identityAt = System.currentTimeMillis();
      } catch (SlackCallException e) {
        if (e.kind() == SlackCallException.Kind.API_ERROR) {
          AuthTestResponse refused = new AuthTestResponse();
          refused.setOk(false);
          refused.setError(e.error());
          identity = refused;
          identityAt = System.currentTimeMillis();
        }
        throw e;
      } finally {
        refreshing.set(false);
      }
    });
    if (!queued) {
      refreshing.set(false); // too busy now: a later request asks again
    }
  }

  private static Response notInstalled(Request<?> req) {
    if (req.getRequestType() == RequestType.Command) {
      return Response.json(200, "{\"response_type\":\"ephemeral\",\"text\":" + GSON.toJson(NOT_INSTALLED) + "}");
    }
    return unknownWorkspace();
  }

  /** What Bolt answers a request it can't authorize. */
  private static Response unknownWorkspace() {
    return Response.builder().statusCode(401).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
        .body("{\"error\":\"a request for an unknown workspace detected\"}").build();
  }
}
