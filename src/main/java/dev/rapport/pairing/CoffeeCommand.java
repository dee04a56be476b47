package dev.rapport.pairing;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.rapport.people.ForgetMe;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.BackgroundWork;
import dev.rapport.slack.HomeTab;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.Subcommand;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code /coffee}: the subcommands, the buttons on intros and the settings modal. {@code forget-me} is listed
 * here because that's where people look for it; what it does is people's ({@link ForgetMe}).
 */
@Component
class CoffeeCommand implements SlackFeature {

  static final String HOME_PAUSE = "pairing_home_pause";
  static final String HOME_RESUME = "pairing_home_resume";

  private final MemberChoices choices;
  private final MyCoffee mine;
  private final ProgramAdmin admin;
  private final PairingStats stats;
  private final Outcomes outcomes;
  private final ProgramStore programs;
  private final ForgetMe forgetMe;
  private final SettingsForm form;
  private final BackgroundWork work;
  private final AnswerLater later;
  private final ObjectProvider<HomeTab> home;
  private final Clock clock;

  CoffeeCommand(MemberChoices choices, MyCoffee mine, ProgramAdmin admin, PairingStats stats, Outcomes outcomes,
                ProgramStore programs, ForgetMe forgetMe, SettingsForm form, BackgroundWork work,
                AnswerLater later, ObjectProvider<HomeTab> home, Clock clock) {
    this.choices = choices;
    this.mine = mine;
    this.admin = admin;
    this.stats = stats;
    this.outcomes = outcomes;
    this.programs = programs;
    this.forgetMe = forgetMe;
    this.form = form;
    this.work = work;
    this.later = later;
    this.home = home;
    this.clock = clock;
  }

  @Override
  public List<Subcommand> subcommands() {
    String c = "/coffee";
    return List.of(
        Subcommand.everyone(c, "status", "", "your programs, next round, current group", mine::status),
        Subcommand.everyone(c, "join", "", "opt back in to this channel's pairings", choices::join),
        Subcommand.everyone(c, "leave", "", "opt out of this channel's pairings (in a DM: pick which)",
            choices::leave),
        Subcommand.everyone(c, "pause", "2w | until 2027-01-15", "skip rounds for 1-12 weeks or until a date "
            + "(in a DM: all your programs)", choices::pause),
        Subcommand.everyone(c, "resume", "", "end a pause early (in a DM: all your programs)", choices::resume),
        Subcommand.everyone(c, "avoid", "[@someone]", "never be paired with someone (private); alone, shows "
            + "your list", choices::avoid),
        Subcommand.everyone(c, "unavoid", "@someone", "take someone off your do-not-pair list", choices::unavoid),
        Subcommand.everyone(c, "history", "", "your last 10 groups and whether you met", mine::history),
        Subcommand.everyone(c, "forget-me", "", "delete your pairing history and preferences everywhere",
            call -> forgetMe.confirmation()),
        Subcommand.admin(c, "start", "<cadence> [size 2|3|4]",
            "start or change pairing here, e.g. `every week on mon at 10:00 tz Europe/Berlin`", admin::start),
        Subcommand.admin(c, "settings", "", "change this channel's program in a form", form::open),
        Subcommand.admin(c, "stop", "", "stop pairing in this channel", admin::stop),
        Subcommand.admin(c, "now", "", "run a round right away", admin::now),
        Subcommand.admin(c, "stats", "", "rounds, meeting rate, first meetings, cross-team, deliveries",
            call -> stats.render(call.caller().team(), admin.existing(call))));
  }

  @Override
  public void register(App app) {
    app.blockAction(Intros.MET, (req, ctx) -> answer(req, ctx, true));
    app.blockAction(Intros.NOT_MET, (req, ctx) -> answer(req, ctx, false));
    app.blockAction(Intros.UNREACHED, (req, ctx) -> inBackground(req, ctx, "didn't reply",
        () -> outcomes.unreached(team(req), user(req), value(req))));
    app.blockAction(MemberChoices.LEAVE, (req, ctx) -> inBackground(req, ctx, "leave coffee pairing",
        () -> choices.leaveChosen(team(req), user(req), value(req))));
    app.blockAction(Intros.BACK_IN, (req, ctx) -> inBackground(req, ctx, "count me back in", () -> {
      String channel = value(req);
      programs.resume(team(req), channel, user(req));
      return Reply.text(":arrow_forward: Welcome back! You'll be in <#" + channel + ">'s next round.");
    }));
    app.blockAction(HOME_PAUSE, (req, ctx) -> homeChange(req, ctx, true));
    app.blockAction(HOME_RESUME, (req, ctx) -> homeChange(req, ctx, false));
    form.register(app);
  }

  private Response answer(BlockActionRequest req, ActionContext ctx, boolean met) {
    return inBackground(req, ctx, met ? "we met" : "not this time",
        () -> outcomes.record(team(req), user(req), value(req), met));
  }

  private Response homeChange(BlockActionRequest req, ActionContext ctx, boolean pause) {
    String team = team(req);
    String user = user(req);
    work.submit("coffee pause from Home", () -> {
      if (pause) {
        programs.pause(team, value(req), user, clock.instant().plus(Duration.ofDays(14)));
      } else {
        programs.resume(team, value(req), user);
      }
      home.getObject().refresh(team, user);
    });
    return ctx.ack();
  }

  /** Acks at once; the work and its answer (ephemeral, to the clicker) happen in the background. */
  private Response inBackground(BlockActionRequest req, ActionContext ctx, String what, AnswerLater.Answer action) {
    later.answer(what, req.getPayload().getResponseUrl(), action);
    return ctx.ack();
  }

  static String team(BlockActionRequest req) {
    var p = req.getPayload();
    return p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
  }

  private static String user(BlockActionRequest req) {
    return req.getPayload().getUser().getId();
  }

  private static String value(BlockActionRequest req) {
    return req.getPayload().getActions().get(0).getValue();
  }
}
