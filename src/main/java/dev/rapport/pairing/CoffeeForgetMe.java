package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static dev.rapport.pairing.Clicks.team;
import static dev.rapport.pairing.Clicks.user;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import dev.rapport.people.ForgetMe;
import dev.rapport.slack.BackgroundWork;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /coffee forget-me}: the confirmation it answers with, and the button that erases the person
 * everywhere ({@link ForgetMe}).
 */
@Component
class CoffeeForgetMe implements SlackFeature {

  static final String FORGET = "pairing_forget";

  private final ForgetMe forgetMe;
  private final BackgroundWork work;

  CoffeeForgetMe(ForgetMe forgetMe, BackgroundWork work) {
    this.forgetMe = forgetMe;
    this.work = work;
  }

  @Override
  public void register(App app) {
    app.blockAction(FORGET, (req, ctx) -> inBackground(req, ctx, "/coffee forget-me", () -> {
      if (!forgetMe.forget(team(req), user(req))) {
        return Reply.text(":hourglass: You asked Rapport to forget you less than a minute ago, and that is done. "
            + "To run it again, try in a minute.");
      }
      return Reply.text(":wastebasket: Done. Your pairing history, preferences and do-not-pair list are deleted, "
          + "past groups no longer name you, and your pending prompt suggestions are withdrawn. You're still a "
          + "member of your channels: `/coffee leave` in a channel keeps you out of its future rounds.");
    }));
  }

  private Response inBackground(BlockActionRequest req, ActionContext ctx, String what, BackgroundWork.Answer action) {
    return Clicks.inBackground(work, req, ctx, what, action);
  }

  static Reply forgetPrompt() {
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
}
