package dev.rapport.pulse;

import com.slack.api.bolt.App;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Failures;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.Subcommand;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code /pulse} and its modal: parses, checks and delegates. Every handler answers Slack within three
 * seconds; modals open with the trigger id right after the ack, off the request thread. Nothing here logs what was
 * answered or by whom.
 */
@Component
class PulseCommand implements SlackFeature {

  private static final String CMD = "/pulse";

  private final PulseAnswers answers;
  private final PulseAdmin admin;
  private final PulseNow now;
  private final PulseManagers managers;
  private final PulseResults results;
  private final AnswerLater later;

  PulseCommand(PulseAnswers answers, PulseAdmin admin, PulseNow now, PulseManagers managers, PulseResults results,
               AnswerLater later) {
    this.answers = answers;
    this.admin = admin;
    this.now = now;
    this.managers = managers;
    this.results = results;
    this.later = later;
  }

  @Override
  public List<Subcommand> subcommands() {
    // Everyday commands first, then the admins' ones (the help lists them in this order).
    return List.of(
        Subcommand.everyone(CMD, "", "", "answer this channel's open pulse (anonymous)", this::open),
        Subcommand.everyone(CMD, "report", "[N weeks]", "results of closed periods (managers and admins)",
            results::report),
        Subcommand.everyone(CMD, "chart", "", "trend chart of the last 12 periods, to your DM (managers and "
            + "admins)", results::chart),
        Subcommand.everyone(CMD, "export", "", "CSV of per-period results, to your DM (managers and admins)",
            results::export),
        Subcommand.admin(CMD, "start", "<cadence>", "start a pulse in this channel, e.g. `every week on mon at "
            + "10:00`; each period closes when the next opens. Again: change the cadence", admin::start),
        Subcommand.admin(CMD, "now", "", "open a period right away (closes the open one; the schedule carries on)",
            now::now),
        Subcommand.admin(CMD, "close", "", "close the open period now", admin::close),
        Subcommand.admin(CMD, "stop", "", "stop this channel's pulse (closes the open period)", admin::stop),
        Subcommand.admin(CMD, "managers", "[add|remove @user]", "who may read this channel's results",
            managers::managers));
  }

  private Reply open(CommandCall call) throws Exception {
    String channel = PulseAdmin.inChannel(call);
    PulseAnswers.Opening opening = answers.forChannel(call.caller().team(), call.caller().user(), channel);
    if (opening.form() == null) {
      return Reply.text(opening.notice());
    }
    // Checked on the ack path: after the ack only the modal opens, nothing is read again.
    return AnswerLater.afterAck("", () -> {
      answers.open(call.caller().team(), call.triggerId(), opening);
      return Reply.none();
    });
  }

  @Override
  public void register(App app) {
    // The modal opens right after the ack, off the request thread (the trigger id lasts 3 seconds).
    app.blockAction(AnswerModal.OPEN_ACTION, (req, ctx) -> {
      var payload = req.getPayload();
      String team = payload.getTeam().getId();
      later.answer("open the pulse", payload.getResponseUrl(), () -> {
        PeriodRef target = PeriodRef.parse(payload.getActions().get(0).getValue());
        PulseAnswers.Opening opening = answers.forPeriod(team, payload.getUser().getId(), target.channel(),
            target.period());
        answers.open(team, payload.getTriggerId(), opening);
        return Reply.none();
      });
      return ctx.ack();
    });

    app.viewSubmission(AnswerModal.CALLBACK, (req, ctx) -> {
      var payload = req.getPayload();
      AnswerModal.Parsed parsed = AnswerModal.parse(payload.getView().getState().getValues());
      if (!parsed.errors().isEmpty()) {
        return ctx.ackWithErrors(parsed.errors());
      }
      try {
        String done = answers.submit(payload.getTeam().getId(), payload.getUser().getId(),
            payload.getView().getPrivateMetadata(), parsed.answer());
        return ctx.ackWithUpdate(AnswerModal.notice(done));
      } catch (Exception e) {
        // Shown in the modal, so the person's answers stay filled in and they can send again.
        return ctx.ackWithErrors(Map.of(AnswerModal.COMMENT_BLOCK, Failures.describe("record a pulse answer", e)));
      }
    });
  }
}
