package dev.rapport.pairing;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.rapport.slack.BackgroundWork;
import dev.rapport.slack.HomeTab;
import dev.rapport.slack.SlackFeature;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The buttons on a member's Home next to each of their programs: pause for two weeks or resume, leave or join
 * again. Every button acks at once; the change and the Home's new state follow. (The do-not-pair list's form
 * is {@link AvoidForm}.)
 */
@Component
class HomeControls implements SlackFeature {

  static final String PAUSE = "pairing_home_pause";
  static final String RESUME = "pairing_home_resume";
  static final String LEAVE = "pairing_home_leave";
  static final String JOIN = "pairing_home_join";

  private final ProgramStore programs;
  private final ChoiceStore choices;
  private final BackgroundWork work;
  private final ObjectProvider<HomeTab> home;
  private final Clock clock;

  HomeControls(ProgramStore programs, ChoiceStore choices, BackgroundWork work, ObjectProvider<HomeTab> home,
               Clock clock) {
    this.programs = programs;
    this.choices = choices;
    this.work = work;
    this.home = home;
    this.clock = clock;
  }

  @Override
  public void register(App app) {
    app.blockAction(PAUSE, (req, ctx) -> pauseOrResume(req, ctx, true));
    app.blockAction(RESUME, (req, ctx) -> pauseOrResume(req, ctx, false));
    app.blockAction(LEAVE, (req, ctx) -> leaveOrJoin(req, ctx, true));
    app.blockAction(JOIN, (req, ctx) -> leaveOrJoin(req, ctx, false));
  }

  private Response pauseOrResume(BlockActionRequest req, ActionContext ctx, boolean pause) {
    String team = Clicks.team(req);
    String user = Clicks.user(req);
    work.submit("coffee pause from Home", () -> {
      if (pause) {
        choices.pause(team, Clicks.value(req), user, clock.instant().plus(Duration.ofDays(14)));
      } else {
        choices.resume(team, Clicks.value(req), user);
      }
      home.getObject().refresh(team, user);
    });
    return ctx.ack();
  }

  private Response leaveOrJoin(BlockActionRequest req, ActionContext ctx, boolean leave) {
    String team = Clicks.team(req);
    String user = Clicks.user(req);
    String channel = Clicks.value(req);
    work.submit(leave ? "leave coffee from Home" : "join coffee from Home", () -> {
      if (programs.find(team, channel).isPresent()) {
        if (leave) {
          choices.leave(team, channel, user);
        } else {
          choices.join(team, channel, user);
        }
      }
      home.getObject().refresh(team, user);
    });
    return ctx.ack();
  }
}
