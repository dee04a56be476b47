package floorapp;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * The framework's floor for the load benchmark: Bolt on Spring Boot, Bolt's own request verification,
 * and handlers (commands, button clicks, events) that do one Redis write and ack. Nothing of Rapport.
 * {@code /pulse} also opens a modal of a pulse's size before its ack, as Bolt's documentation shows, so
 * the capacity benchmark can compare modals opened with modals opened. With {@code floor.replay-check=true}
 * it also refuses a signed request it has let in before, the way a Bolt app that keeps #13's promise across
 * instances would: a middleware after Bolt's own verification that remembers each signature in Redis
 * ({@code SET NX} with the 5-minute window's expiry, one round trip), so the benchmark can show what that
 * promise alone costs the floor.
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
    if (Boolean.parseBoolean(env.getProperty("floor.replay-check", "false"))) {
      app.use((req, resp, chain) -> {
        String signature = req.getHeaders().getFirstValue("X-Slack-Signature");
        if (redis.set("floor:seen:" + signature, "1", SetParams.setParams().nx().ex(360)) == null) {
          resp.setStatusCode(401);
          return resp;
        }
        return chain.next(req);
      });
    }
    app.command(Pattern.compile("/.*"), (req, ctx) -> {
      redis.incr("floor:commands");
      if ("/pulse".equals(req.getPayload().getCommand())) {
        // A command that opens a modal, the way Bolt's documentation does it: views.open in the handler
        // (the trigger id lasts 3 s), then the ack.
        ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId()).view(form()));
      }
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

  /** A form of the size of a pulse: an intro, four 1–5 questions and a comment. */
  static View form() {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("How does the team feel lately? Four quick questions."))));
    for (int q = 1; q <= 4; q++) {
      String id = "q" + q;
      blocks.add(input(i -> i.blockId(id).label(plainText("Question " + id)).element(radioButtons(b -> b
          .actionId("score").options(IntStream.rangeClosed(1, 5).mapToObj(n -> option(plainText(n + " of 5"),
              String.valueOf(n))).toList())))));
    }
    blocks.add(input(i -> i.blockId("comment").optional(true).label(plainText("Anything to add?"))
        .element(plainTextInput(t -> t.actionId("text").multiline(true).maxLength(1000)))));
    return View.builder().type("modal").callbackId("floor_form").title(viewTitle(t -> t.type("plain_text")
        .text("Team pulse"))).submit(viewSubmit(t -> t.type("plain_text").text("Send")))
        .close(viewClose(t -> t.type("plain_text").text("Cancel"))).blocks(blocks).build();
  }

  @Bean
  ServletRegistrationBean<SlackAppServlet> floorServlet(App app) {
    return new ServletRegistrationBean<>(new SlackAppServlet(app), "/slack/events");
  }
}
