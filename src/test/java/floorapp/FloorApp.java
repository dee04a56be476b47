package floorapp;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import java.util.regex.Pattern;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import redis.clients.jedis.JedisPooled;

/**
 * The framework's floor for the load benchmark: Bolt on Spring Boot, Bolt's own request verification,
 * and handlers (commands, button clicks, events) that do one Redis write and ack. Nothing of Rapport.
 */
// Outside dev.rapport on purpose: Rapport's component scan must never pick it up.
@SpringBootConfiguration
@EnableAutoConfiguration
public class FloorApp {

  public static void main(String[] args) {
    org.springframework.boot.SpringApplication.run(FloorApp.class, args);
  }

  @Bean(destroyMethod = "close")
  JedisPooled floorRedis(org.springframework.core.env.Environment env) {
    return new JedisPooled(env.getProperty("floor.redis-host", "127.0.0.1"),
        Integer.parseInt(env.getProperty("floor.redis-port")));
  }

  @Bean
  App floorBolt(org.springframework.core.env.Environment env, JedisPooled redis) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(env.getProperty("floor.api-url"));
    slackConfig.setStatsEnabled(false);
    AppConfig config = AppConfig.builder().slack(Slack.getInstance(slackConfig))
        .singleTeamBotToken(env.getProperty("floor.bot-token")).signingSecret(env.getProperty("floor.secret"))
        .subtypedMessageEventsAutoAckEnabled(true).build();
    App app = new App(config);
    app.command(Pattern.compile("/.*"), (req, ctx) -> {
      redis.incr("floor:commands");
      return ctx.ack("ok");
    });
    app.blockAction(Pattern.compile(".*"), (req, ctx) -> {
      redis.incr("floor:actions");
      return ctx.ack();
    });
    app.event(MessageEvent.class, (payload, ctx) -> {
      redis.incr("floor:events");
      return ctx.ack();
    });
    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      redis.incr("floor:events");
      return ctx.ack();
    });
    return app;
  }

  @Bean
  ServletRegistrationBean<SlackAppServlet> floorServlet(App app) {
    return new ServletRegistrationBean<>(new SlackAppServlet(app), "/slack/events");
  }
}
