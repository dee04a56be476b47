package dev.rapport.pairing;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.rapport.people.Profile;
import dev.rapport.people.Profiles;
import dev.rapport.slack.BackgroundWork;
import dev.rapport.slack.Failures;
import dev.rapport.slack.HomeTab;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.SlackGateway;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What members do from their Home besides pause and resume: leave a program or come back, and keep their
 * private do-not-pair list in a form. Every button acks at once; the change and the Home's new state follow.
 */
@Component
class HomeControls implements SlackFeature {

  static final String LEAVE = "pairing_home_leave";
  static final String JOIN = "pairing_home_join";
  static final String AVOID = "pairing_home_avoid";

  private final ProgramStore programs;
  private final Profiles profiles;
  private final SlackGateway slack;
  private final BackgroundWork work;
  private final ObjectProvider<HomeTab> home;

  HomeControls(ProgramStore programs, Profiles profiles, SlackGateway slack, BackgroundWork work,
               ObjectProvider<HomeTab> home) {
    this.programs = programs;
    this.profiles = profiles;
    this.slack = slack;
    this.work = work;
    this.home = home;
  }

  @Override
  public void register(App app) {
    app.blockAction(LEAVE, (req, ctx) -> change(req, ctx, true));
    app.blockAction(JOIN, (req, ctx) -> change(req, ctx, false));
    // The form opens right after the ack, with the click's trigger id (it lasts 3 seconds).
    app.blockAction(AVOID, (req, ctx) -> {
      String team = CoffeeCommand.team(req);
      String user = req.getPayload().getUser().getId();
      String trigger = req.getPayload().getTriggerId();
      work.submit("open the do-not-pair list", () -> slack.call(team, "views.open",
          c -> c.viewsOpen(r -> r.triggerId(trigger).view(AvoidModal.form(programs.avoided(team, user))))));
      return ctx.ack();
    });
    app.viewSubmission(AvoidModal.CALLBACK, (req, ctx) -> {
      var payload = req.getPayload();
      String team = payload.getTeam().getId();
      String user = payload.getUser().getId();
      AvoidModal.Parsed parsed = AvoidModal.parse(payload.getView().getState(), user);
      if (!parsed.errors().isEmpty()) {
        return ctx.ackWithErrors(parsed.errors());
      }
      String viewId = payload.getView().getId();
      work.submit("save the do-not-pair list", () -> saveAvoided(team, user, viewId, parsed.people()));
      return ctx.ackWithUpdate(AvoidModal.notice(":hourglass_flowing_sand: Saving your list…"));
    });
  }

  private Response change(BlockActionRequest req, ActionContext ctx, boolean leave) {
    String team = CoffeeCommand.team(req);
    String user = req.getPayload().getUser().getId();
    String channel = req.getPayload().getActions().get(0).getValue();
    work.submit(leave ? "leave coffee from Home" : "join coffee from Home", () -> {
      if (programs.find(team, channel).isPresent()) {
        if (leave) {
          programs.leave(team, channel, user);
        } else {
          programs.join(team, channel, user);
        }
      }
      home.getObject().refresh(team, user);
    });
    return ctx.ack();
  }

  /**
   * After the ack: bots are left off (Rapport never pairs them anyway, and says so), the list is replaced in
   * one write, and the modal and the Home show it as saved; if it can't be saved, the form comes back with
   * the people picked and the reason.
   */
  private void saveAvoided(String team, String user, String viewId, Set<String> picked) throws SlackCallException {
    View next;
    try {
      next = AvoidModal.notice(savedAvoided(team, user, picked));
    } catch (Exception e) {
      next = AvoidModal.form(picked, Failures.describe("save the do-not-pair list", e));
    }
    View shown = next;
    try {
      slack.call(team, "views.update", c -> c.viewsUpdate(r -> r.viewId(viewId).view(shown)));
    } finally {
      home.getObject().refresh(team, user);
    }
  }

  /** Saves the list without the apps picked; returns what the person reads. */
  private String savedAvoided(String team, String user, Set<String> picked) {
    Set<String> people = new LinkedHashSet<>();
    List<String> bots = new java.util.ArrayList<>();
    for (String other : picked) {
      if (isBot(team, other)) {
        bots.add(other);
      } else {
        people.add(other);
      }
    }
    programs.replaceAvoided(team, user, people);
    return ":shushing_face: Saved. You won't be paired with " + AvoidModal.describe(people) + "."
        + (bots.isEmpty() ? "" : " " + Intros.mentions(bots) + (bots.size() == 1 ? " is an app" : " are apps")
            + ", never paired with anyone, so " + (bots.size() == 1 ? "it isn't" : "they aren't") + " on the list.")
        + " Nobody else can see this list.";
  }

  private boolean isBot(String team, String user) {
    try {
      Profile profile = profiles.get(team, user);
      return profile.bot();
    } catch (SlackCallException e) {
      // Unknown: keep them on the list; a wrong "bot" would drop someone the person asked to avoid.
      Failures.log("check a do-not-pair entry", e);
      return false;
    }
  }
}
