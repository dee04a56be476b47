package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.bolt.App;
import dev.rapport.testkit.AppTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The guard itself: on a thread handling a Slack request, before its ack, every way of calling Slack (the
 * gateway, its JSON views.open, a response_url, Bolt's own client) fails at once and is counted; after the
 * ack, the same calls go through. A probe command registered on the real app stands for a handler that
 * forgot the rule.
 */
class AckPathTest extends AppTest {

  private static final List<String> SEEN = new CopyOnWriteArrayList<>();
  private static volatile boolean registered;

  @Autowired
  App app;
  @Autowired
  SlackGateway gateway;
  @Autowired
  BackgroundWork work;
  @Autowired
  MeterRegistry metrics;

  @Test
  void aSlackCallBeforeTheAckFailsLoudlyAndTheSameCallAfterItGoesThrough() {
    probe();
    SEEN.clear();
    slack.workspace(TEAM).user("U001");
    double before = violations();

    var answer = requests.command(TEAM, "U001", "C001", "/ackprobe", "");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("acked");
    assertThat(SEEN).startsWith("on the ack path", "users.info refused", "views.open refused",
        "response_url refused", "Bolt client refused");
    assertThat(violations() - before).isEqualTo(4);
    await().atMost(Duration.ofSeconds(10)).until(() -> SEEN.contains("after the ack: U001"));
    assertThat(slack.calls("users.info")).hasSize(1);
    assertThat(slack.calls("auth.test")).as("never sent while refused").isEmpty();
    assertThat(slack.calls("views.open")).as("never sent while refused").isEmpty();
  }

  private void probe() {
    synchronized (AckPathTest.class) {
      if (registered) {
        return;
      }
      registered = true;
    }
    app.command("/ackprobe", (req, ctx) -> {
      SEEN.add(AckPath.active() ? "on the ack path" : "not marked");
      String team = req.getPayload().getTeamId();
      String user = req.getPayload().getUserId();
      attempt("users.info", () -> gateway.call(team, "users.info", c -> c.usersInfo(r -> r.user(user))));
      attempt("views.open", () -> gateway.call(team, "views.open", c -> c.viewsOpen(r ->
          r.triggerId(req.getPayload().getTriggerId()).viewAsString("{\"type\":\"modal\"}"))));
      attempt("response_url", () -> gateway.respond(req.getPayload().getResponseUrl(), Reply.text("x")));
      attempt("Bolt client", () -> ctx.client().authTest(r -> r));
      work.submit("probe after the ack", () -> SEEN.add("after the ack: "
          + gateway.call(team, "users.info", c -> c.usersInfo(r -> r.user(user))).getUser().getId()));
      return ctx.ack("acked");
    });
  }

  private static void attempt(String what, BackgroundWork.Task call) {
    try {
      call.run();
      SEEN.add(what + " went through");
    } catch (AckPath.SlackCallOnAckPath refused) {
      SEEN.add(what + " refused");
    } catch (Exception other) {
      SEEN.add(what + " failed otherwise: " + other);
    }
  }

  private double violations() {
    return metrics.find("rapport.slack.ack.path.violations").counters().stream().mapToDouble(Counter::count).sum();
  }
}
