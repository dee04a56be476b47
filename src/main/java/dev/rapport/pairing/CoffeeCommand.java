package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import dev.rapport.people.ForgetMe;
import dev.rapport.people.Profiles;
import dev.rapport.slack.AccessPolicy;
import dev.rapport.slack.AckPath;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.BackgroundWork;
import dev.rapport.slack.Failures;
import dev.rapport.slack.HomeTab;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.SlackGateway;
import dev.rapport.slack.Subcommand;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code /coffee}: the subcommands, the buttons on intros and the settings modal. */
@Component
class CoffeeCommand implements SlackFeature {

  static final String FORGET = "pairing_forget";
  static final String HOME_PAUSE = "pairing_home_pause";
  static final String HOME_RESUME = "pairing_home_resume";

  private final MemberChoices choices;
  private final MyCoffee mine;
  private final ProgramAdmin admin;
  private final PairingStats stats;
  private final Outcomes outcomes;
  private final ProgramStore programs;
  private final ForgetMe forgetMe;
  private final AccessPolicy access;
  private final SlackGateway slack;
  private final BackgroundWork work;
  private final ObjectProvider<HomeTab> home;
  private final Profiles profiles;
  private final Clock clock;

  CoffeeCommand(MemberChoices choices, MyCoffee mine, ProgramAdmin admin, PairingStats stats, Outcomes outcomes,
                ProgramStore programs, ForgetMe forgetMe, AccessPolicy access,
                SlackGateway slack, BackgroundWork work, ObjectProvider<HomeTab> home, Profiles profiles, Clock clock) {
    this.choices = choices;
    this.mine = mine;
    this.admin = admin;
    this.stats = stats;
    this.outcomes = outcomes;
    this.programs = programs;
    this.forgetMe = forgetMe;
    this.access = access;
    this.slack = slack;
    this.work = work;
    this.profiles = profiles;
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
            call -> forgetPrompt()),
        Subcommand.admin(c, "start", "<cadence> [size 2|3|4]",
            "start or change pairing here, e.g. `every week on mon at 10:00 tz Europe/Berlin`", admin::start),
        Subcommand.admin(c, "settings", "", "change this channel's program in a form", this::openSettings),
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
    app.blockAction(FORGET, (req, ctx) -> inBackground(req, ctx, "/coffee forget-me", () -> {
      if (!forgetMe.forget(team(req), user(req))) {
        return Reply.text(":hourglass: You asked Rapport to forget you less than a minute ago, and that is done. "
            + "To run it again, try in a minute.");
      }
      return Reply.text(":wastebasket: Done. Your pairing history, preferences and do-not-pair list are deleted, "
          + "past groups no longer name you, and your pending prompt suggestions are withdrawn. You're still a "
          + "member of your channels: `/coffee leave` in a channel keeps you out of its future rounds.");
    }));
    app.blockAction(HOME_PAUSE, (req, ctx) -> homeChange(req, ctx, true));
    app.blockAction(HOME_RESUME, (req, ctx) -> homeChange(req, ctx, false));
    app.viewSubmission(SettingsModal.CALLBACK, (req, ctx) -> {
      var payload = req.getPayload();
      String team = payload.getTeam().getId();
      String user = payload.getUser().getId();
      String channel = payload.getView().getPrivateMetadata();
      try {
        SettingsModal.Parsed parsed = SettingsModal.parse(channel, payload.getView().getState(), LocalDate.now(clock));
        if (!parsed.errors().isEmpty()) {
          return ctx.ack(r -> r.responseAction("errors").errors(parsed.errors()));
        }
        if (!isAdminIfKnown(team, user)) {
          return ctx.ack(r -> r.responseAction("errors").errors(java.util.Map.of("frequency",
              "Only Rapport admins can change coffee pairing — " + access.askAnAdmin(team) + ".")));
        }
        // Checking the role (unless cached) and that Rapport can see the channel need Slack: the modal says
        // "Saving…" now and shows the outcome right after the ack.
        String viewId = payload.getView().getId();
        work.submit("save coffee settings", () -> saveSettings(team, user, viewId, parsed.program()));
        return ctx.ack(r -> r.responseAction("update").view(SettingsModal.notice(
            ":hourglass_flowing_sand: Saving coffee pairing for <#" + channel + ">…")));
      } catch (Exception e) {
        String why = Failures.describe("coffee settings", e);
        return ctx.ack(r -> r.responseAction("errors").errors(java.util.Map.of("frequency", why)));
      }
    });
  }

  /** False only when the role is known (cached) and not an admin's; unknown roles are checked after the ack. */
  private boolean isAdminIfKnown(String team, String user) {
    try {
      return access.isAdmin(team, user);
    } catch (AnswerLater unknown) {
      return true;
    }
  }

  /**
   * After the ack: saves the program and shows the outcome in the modal and, as before, in the channel. If
   * it can't be saved, the form comes back filled in as sent, with the reason above it (or, if the modal
   * is gone, the reason and the choices go to the channel), so nothing chosen is lost.
   */
  private void saveSettings(String team, String user, String viewId, Program program) throws SlackCallException {
    String channel = program.channel();
    String text;
    com.slack.api.model.view.View next;
    try {
      if (access.isAdmin(team, user)) {
        text = admin.saved(team, program, programs.find(team, channel).isPresent());
        programs.addRunner(team, channel, user);
      } else {
        text = ":lock: Only Rapport admins can change coffee pairing, so nothing was changed — "
            + access.askAnAdmin(team) + ".";
      }
      next = SettingsModal.notice(text);
    } catch (Exception e) {
      String why = Failures.describe("coffee settings", e);
      text = why + "\nWhat you chose: " + program.describe() + ".";
      next = SettingsModal.build(channel, program, why);
    }
    var shown = next;
    String said = text;
    try {
      slack.call(team, "views.update", c -> c.viewsUpdate(r -> r.viewId(viewId).view(shown)));
    } finally {
      slack.call(team, "chat.postEphemeral", c -> c.chatPostEphemeral(r -> r.channel(channel).user(user).text(said)));
    }
  }

  private Reply openSettings(dev.rapport.slack.CommandCall call) throws Exception {
    String channel = ProgramAdmin.channel(call);
    Program current = programs.find(call.caller().team(), channel).orElseGet(() -> new Program(channel,
        ProgramAdmin.defaultCadence(profiles.zone(call.caller().team(), call.caller().user()), LocalDate.now(clock)),
        2, false, Program.Departments.NONE));
    var view = SettingsModal.build(channel, current);
    AckPath.answerLater("");
    slack.call(call.caller().team(), "views.open", c -> c.viewsOpen(r -> r.triggerId(call.triggerId()).view(view)));
    return Reply.none();
  }

  private static Reply forgetPrompt() {
    ConfirmationDialogObject confirm = ConfirmationDialogObject.builder()
        .title(plainText("Forget me?")).text(plainText("This deletes your coffee history and preferences "
            + "for good. It can't be undone.")).confirm(plainText("Delete")).deny(plainText("Keep them")).build();
    return Reply.blocks("Delete your coffee pairing data?", List.of(
        section(s -> s.text(markdownText(":wastebasket: This deletes your coffee history, your preferences "
            + "(pauses, programs you left) and your do-not-pair list in every channel, takes your name out "
            + "of past groups, and withdraws prompt suggestions still waiting for review. It can't be undone."))),
        actions(a -> a.elements(List.of(button(b -> b.actionId(FORGET).value("forget").style("danger")
            .text(plainText("Delete my data")).confirm(confirm)))))));
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
  private Response inBackground(BlockActionRequest req, ActionContext ctx, String what, BackgroundWork.Answer action) {
    work.answerLater(what, req.getPayload().getResponseUrl(), action);
    return ctx.ack();
  }

  private static String team(BlockActionRequest req) {
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
