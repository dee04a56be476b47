package dev.rapport.pairing;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import dev.rapport.people.Profile;
import dev.rapport.people.Profiles;
import dev.rapport.slack.BackgroundWork;
import dev.rapport.slack.Failures;
import dev.rapport.slack.HomeTab;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.SlackGateway;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A member's private do-not-pair list as a form ({@link AvoidModal}), opened from their Home: the button opens
 * it, and sending it replaces the list. Both ack at once; the form, the saved list and the Home follow.
 */
@Component
class AvoidForm implements SlackFeature {

  static final String OPEN = "pairing_home_avoid";

  private final ChoiceStore choices;
  private final Profiles profiles;
  private final SlackGateway slack;
  private final BackgroundWork work;
  private final ObjectProvider<HomeTab> home;

  AvoidForm(ChoiceStore choices, Profiles profiles, SlackGateway slack, BackgroundWork work,
            ObjectProvider<HomeTab> home) {
    this.choices = choices;
    this.profiles = profiles;
    this.slack = slack;
    this.work = work;
    this.home = home;
  }

  @Override
  public void register(App app) {
    // The form opens right after the ack, with the click's trigger id (it lasts 3 seconds).
    app.blockAction(OPEN, (req, ctx) -> {
      String team = Clicks.team(req);
      String user = Clicks.user(req);
      String trigger = req.getPayload().getTriggerId();
      work.submit("open the do-not-pair list", () -> slack.call(team, "views.open",
          c -> c.viewsOpen(r -> r.triggerId(trigger).view(AvoidModal.form(choices.avoided(team, user))))));
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
      work.submit("save the do-not-pair list", () -> save(team, user, viewId, parsed.people()));
      return ctx.ackWithUpdate(AvoidModal.notice(":hourglass_flowing_sand: Saving your list…"));
    });
  }

  /**
   * After the ack: bots are left off (Rapport never pairs them anyway, and says so), the list is replaced in
   * one write, and the modal and the Home show it as saved; if it can't be saved, the form comes back with
   * the people picked and the reason.
   */
  private void save(String team, String user, String viewId, Set<String> picked) throws SlackCallException {
    View next;
    try {
      next = AvoidModal.notice(saved(team, user, picked));
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
  private String saved(String team, String user, Set<String> picked) {
    Set<String> people = new LinkedHashSet<>();
    List<String> bots = new ArrayList<>();
    for (String other : picked) {
      if (isBot(team, other)) {
        bots.add(other);
      } else {
        people.add(other);
      }
    }
    choices.replaceAvoided(team, user, people);
    return ":shushing_face: Saved. You won't be paired with " + AvoidModal.describe(people) + "."
        + (bots.isEmpty() ? "" : " " + Names.mentions(bots) + (bots.size() == 1 ? " is an app" : " are apps")
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
