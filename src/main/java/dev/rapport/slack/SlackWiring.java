package dev.rapport.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.util.http.SlackHttpClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import redis.clients.jedis.UnifiedJedis;

/**
 * One Bolt {@link App} for the whole deployment, served over HTTP at {@code /slack/events} (behind the
 * {@link RequestGate}) and, when an app token is set, over Socket Mode too; in multi-workspace mode the
 * install pages have their own servlets. Features plug in through {@link SlackFeature}.
 */
@Configuration(proxyBeanMethods = false)
class SlackWiring {

  static final String EVENTS_PATH = "/slack/events";
  static final String EVENTS_SERVLET = "slackEvents";
  static final String INSTALL_SERVLET = "slackInstall";
  static final String REDIRECT_SERVLET = "slackOAuthRedirect";

  @Bean
  Slack slack(SlackSettings settings, MeterRegistry metrics) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    config.setStatsEnabled(false);
    config.setPrettyResponseLoggingEnabled(false);
    config.setHttpClientReadTimeoutMillis(10_000);
    config.setHttpClientCallTimeoutMillis(15_000);
    // Every call to Slack (Web API, response_url, Bolt's own) goes through this client, so the guard
    // keeps them all off the ack path.
    SlackHttpClient http = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config).newBuilder()
        .addInterceptor(AckPath.guard(metrics)).build());
    return Slack.getInstance(config, http);
  }

  @Bean
  CommandRouter commandRouter(List<SlashCommand> commands, List<SlackFeature> features, AccessPolicy access,
                              MeterRegistry metrics, AnswerLater later) {
    List<Subcommand> subcommands = new ArrayList<>();
    features.forEach(f -> subcommands.addAll(f.subcommands()));
    return new CommandRouter(commands, subcommands, access, metrics, later);
  }

  @Bean
  App app(SlackSettings settings, Slack slack, List<SlackFeature> features, CommandRouter router,
          HomeTab home, UnifiedJedis redis, MeterRegistry metrics, Installations installations,
          OAuthStates states, SlackGateway gateway, BackgroundWork work) {
    boolean oauth = settings.mode() == SlackSettings.Mode.OAUTH;
    AppConfig config = AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(oauth ? null : settings.botToken())
        .signingSecret(settings.signingSecret())
        // The request gate verifies signatures over the raw bytes (and refuses replays) before Bolt sees a
        // request; Bolt's check would use the platform charset and a body re-joined line by line.
        .requestVerificationEnabled(false)
        // message.channels delivers every message subtype (joins, topic changes, ...); those no feature
        // handles are acknowledged instead of answered 404, which Slack would retry and count as failures.
        .subtypedMessageEventsAutoAckEnabled(true)
        // With a bot token the client id and secret serve Sign in with Slack only: Bolt installs nothing.
        .clientId(oauth ? settings.clientId() : null)
        .clientSecret(oauth ? settings.clientSecret() : null)
        .scope(String.join(",", settings.scopes()))
        .oauthInstallPath(settings.installPath())
        .oauthRedirectUriPath(settings.redirectPath())
        .redirectUri(settings.redirectUri())
        .oauthCompletionUrl(settings.completionUrl())
        .oauthCancellationUrl(settings.cancellationUrl())
        .stateValidationEnabled(true)
        .build();

    List<Middleware> middleware = new ArrayList<>();
    // First: from here until the ack is returned, nothing may call Slack.
    middleware.add(AckPath.middleware());
    // Second: while background work piles up, requests are answered "busy" before any handler changed anything.
    middleware.add(work.admission());
    middleware.add(new SSLCheck(null));
    // The workspace's token from the configuration or its installation; no auth.test before the ack.
    SlackAuthorization authorization = new SlackAuthorization(settings, installations, gateway, work);
    authorization.refreshIfStale();
    middleware.add(authorization);
    middleware.add(new EventDedupe(redis, metrics));
    middleware.add(new IgnoringSelfEvents(slack.getConfig(), false));

    App app = new App(config, slack, middleware);
    if (oauth) {
      app.asOAuthApp(true).service(installations).service(states);
    }
    router.register(app);
    home.register(app);
    features.forEach(f -> f.register(app));
    return app;
  }

  /**
   * {@code /slack/events}: Bolt, or an answer saying how to connect while no signing secret is set (then
   * nothing could verify a request).
   */
  @Bean
  ServletRegistrationBean<?> slackEvents(App app, SlackSettings settings) {
    HttpServlet servlet = settings.acceptsHttp() ? new SlackEventsServlet(app) : new NotConnectedServlet();
    ServletRegistrationBean<?> bean = new ServletRegistrationBean<>(servlet, EVENTS_PATH);
    bean.setName(EVENTS_SERVLET);
    return bean;
  }

  /** The two browser steps of a multi-workspace install, each on its own path, GET only. */
  @Bean
  ServletRegistrationBean<?> slackInstall(App app, SlackSettings settings) {
    return oauthStep(app, settings, SlackOAuthServlet.Step.START, settings.installPath(), INSTALL_SERVLET);
  }

  @Bean
  ServletRegistrationBean<?> slackOAuthRedirect(App app, SlackSettings settings) {
    return oauthStep(app, settings, SlackOAuthServlet.Step.CALLBACK, settings.redirectPath(), REDIRECT_SERVLET);
  }

  private static ServletRegistrationBean<?> oauthStep(App app, SlackSettings settings, SlackOAuthServlet.Step step,
                                                      String path, String name) {
    ServletRegistrationBean<?> bean = new ServletRegistrationBean<>(new SlackOAuthServlet(app, step), path);
    bean.setName(name);
    bean.setEnabled(settings.mode() == SlackSettings.Mode.OAUTH);
    return bean;
  }

  /** Every request, on every path and dispatch, passes the gate before any servlet (see {@link RequestGate}). */
  @Bean
  FilterRegistrationBean<RequestGate> requestGate(SlackSettings settings, UnifiedJedis redis, Clock clock,
                                                  MeterRegistry metrics) {
    Signatures signatures = settings.acceptsHttp() ? new Signatures(settings.signingSecret(), clock) : null;
    FilterRegistrationBean<RequestGate> bean = new FilterRegistrationBean<>(
        new RequestGate(signatures, new Replays(redis, clock), metrics));
    bean.addUrlPatterns("/*");
    bean.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return bean;
  }

  @Bean
  SocketModeRunner socketMode(App app, SlackSettings settings) {
    return new SocketModeRunner(app, settings);
  }
}
