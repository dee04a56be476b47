package dev.rapport.pairing;

import static dev.rapport.pairing.Clicks.team;
import static dev.rapport.pairing.Clicks.user;
import static dev.rapport.pairing.Clicks.value;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import org.springframework.stereotype.Component;

/**
 * The buttons on coffee's messages: "We met" and "Not this time" on intros and check-ins, "Didn't reply" on the
 * answer to "Not this time", "Count me back in" on a pause notice, "Leave" on {@code /coffee leave}'s
 * choice, and the "Add to calendar" links (nothing to do but ack). Each acks at once; the change and its answer
 * (ephemeral, to the clicker) follow.
 */
@Component
class CoffeeButtons implements SlackFeature {

  private final Outcomes outcomes;
  private final MemberChoices members;
  private final ChoiceStore choices;
  private final AnswerLater later;

  CoffeeButtons(Outcomes outcomes, MemberChoices members, ChoiceStore choices, AnswerLater later) {
    this.outcomes = outcomes;
    this.members = members;
    this.choices = choices;
    this.later = later;
  }

  @Override
  public void register(App app) {
    app.blockAction(IntroMessage.MET, (req, ctx) -> answer(req, ctx, true));
    app.blockAction(IntroMessage.NOT_MET, (req, ctx) -> answer(req, ctx, false));
    app.blockAction(NotMetMessage.UNREACHED, (req, ctx) -> inBackground(req, ctx, "didn't reply",
        () -> outcomes.unreached(team(req), user(req), value(req))));
    app.blockAction(MemberChoices.LEAVE, (req, ctx) -> inBackground(req, ctx, "leave coffee pairing",
        () -> members.leaveChosen(team(req), user(req), value(req))));
    app.blockAction(Notes.BACK_IN, (req, ctx) -> inBackground(req, ctx, "count me back in", () -> {
      String channel = value(req);
      choices.resume(team(req), channel, user(req));
      return Reply.text(":arrow_forward: Welcome back! You'll be in <#" + channel + ">'s next round.");
    }));
    // An "Add to calendar" button opens its link in the browser; Slack still reports the click, which needs an ack.
    app.blockAction(java.util.regex.Pattern.compile(CalendarLinks.ACTIONS), (req, ctx) -> ctx.ack());
  }

  private Response answer(BlockActionRequest req, ActionContext ctx, boolean met) {
    return inBackground(req, ctx, met ? "we met" : "not this time",
        () -> outcomes.record(team(req), user(req), value(req), met));
  }

  private Response inBackground(BlockActionRequest req, ActionContext ctx, String what, AnswerLater.Answer action) {
    return Clicks.inBackground(later, req, ctx, what, action);
  }
}
