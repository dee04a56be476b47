package dev.rapport.pairing;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.people.Profiles;
import dev.rapport.slack.AccessPolicy;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.BackgroundWork;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Failures;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.SlackGateway;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code /coffee settings}: opens the form, and saves what was sent after the ack. The person always learns
 * the outcome: in the modal, and in the channel (or, when the channel refuses Rapport's message, in a DM).
 * If it can't be saved, the form comes back filled in as sent, with the reason, so nothing chosen is lost.
 */
@Component
class SettingsForm implements SlackFeature {

  private final ProgramStore programs;
  private final ProgramSaver saver;
  private final AccessPolicy access;
  private final Profiles profiles;
  private final SlackGateway slack;
  private final Outbox outbox;
  private final BackgroundWork work;
  private final Clock clock;
  private final ProgramExtras extras;
  private final OnboardingSetup onboarding;

  SettingsForm(ProgramStore programs, ProgramSaver saver, AccessPolicy access, Profiles profiles, SlackGateway slack,
               Outbox outbox, BackgroundWork work, Clock clock, ProgramExtras extras, OnboardingSetup onboarding) {
    this.programs = programs;
    this.saver = saver;
    this.access = access;
    this.profiles = profiles;
    this.slack = slack;
    this.outbox = outbox;
    this.work = work;
    this.clock = clock;
    this.extras = extras;
    this.onboarding = onboarding;
  }

  /** The form, filled in with the channel's program (or a weekly one in the admin's zone), after the ack. */
  Reply open(CommandCall call) throws Exception {
    String channel = ProgramAdmin.channel(call);
    String team = call.caller().team();
    Program current = programs.find(team, channel).orElseGet(() -> new Program(channel,
        ProgramAdmin.defaultCadence(profiles.zone(team, call.caller().user()), LocalDate.now(clock)),
        2, false, Program.Departments.NONE, true));
    View view = SettingsModal.build(channel, current, SettingsModal.People.of(extras.onboarding(team, channel),
        extras.managerField(team, channel)));
    // Read and built on the ack path; after the ack only the modal opens.
    return AnswerLater.afterAck("", () -> {
      slack.call(team, "views.open", c -> c.viewsOpen(r -> r.triggerId(call.triggerId()).view(view)));
      return Reply.none();
    });
  }

  @Override
  public void register(App app) {
    app.viewSubmission(SettingsModal.CALLBACK, (req, ctx) -> {
      var payload = req.getPayload();
      String team = payload.getTeam().getId();
      String user = payload.getUser().getId();
      String channel = payload.getView().getPrivateMetadata();
      try {
        SettingsSent.Parsed parsed = SettingsSent.parse(channel, payload.getView().getState(), LocalDate.now(clock));
        if (!parsed.errors().isEmpty()) {
          return ctx.ack(r -> r.responseAction("errors").errors(parsed.errors()));
        }
        if (!isAdminIfKnown(team, user)) {
          return ctx.ack(r -> r.responseAction("errors").errors(Map.of("frequency",
              "Only Rapport admins can change coffee pairing — " + access.askAnAdmin(team) + ".")));
        }
        // Checking the role (unless cached) and the channel need Slack: the modal says "Saving…" now and
        // shows the outcome right after the ack.
        String viewId = payload.getView().getId();
        work.submit("save coffee settings", () -> save(team, user, viewId, parsed.program(), parsed.people()));
        return ctx.ack(r -> r.responseAction("update").view(SettingsModal.notice(
            ":hourglass_flowing_sand: Saving coffee pairing for <#" + channel + ">…")));
      } catch (Exception e) {
        String why = Failures.describe("coffee settings", e);
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of("frequency", why)));
      }
    });
  }

  /** False only when the role is known (cached) and not an admin's; unknown roles are checked after the ack. */
  private boolean isAdminIfKnown(String team, String user) {
    try {
      return access.isAdmin(team, user);
    } catch (AnswerLater.Deferred unknown) {
      return true;
    }
  }

  /** What the person sees after sending the form: in the modal, and in words. */
  private record Outcome(String text, View view) {}

  /** After the ack: saves the program, then shows the outcome in the modal and tells the person. */
  private void save(String team, String user, String viewId, Program sent, OnboardingWords people) {
    Outcome outcome = outcome(team, user, sent, people);
    try {
      slack.call(team, "views.update", c -> c.viewsUpdate(r -> r.viewId(viewId).view(outcome.view())));
    } catch (SlackCallException e) {
      // The modal is gone (closed, or expired): the message below still tells them.
      Failures.log("show the coffee settings outcome", e);
    }
    tell(team, user, sent.channel(), outcome.text());
  }

  private Outcome outcome(String team, String user, Program sent, OnboardingWords people) {
    try {
      if (!access.isAdmin(team, user)) {
        return notice(":lock: Only Rapport admins can change coffee pairing, so nothing was changed — "
            + access.askAnAdmin(team) + ".");
      }
      Program current = programs.find(team, sent.channel()).orElse(null);
      OnboardingSetup.Change change = onboarding.resolve(team, sent.channel(), people);
      String confirmation = saver.save(team, keepWeeks(sent, current), current);
      programs.addRunner(team, sent.channel(), user);
      return notice(confirmation + onboarding.apply(team, sent.channel(), change));
    } catch (Exception e) {
      String why = Failures.describe("coffee settings", e);
      return new Outcome(why + "\nWhat you chose: " + sent.describe() + ".",
          SettingsModal.build(sent.channel(), sent, new SettingsModal.People(Boolean.TRUE.equals(people.onboarding()),
              people.buddies(), JourneyStep.write(people.journey()), people.managerField()), why));
    }
  }

  private static Outcome notice(String text) {
    return new Outcome(text, SettingsModal.notice(text));
  }

  /**
   * "Every 2 weeks" counts weeks from the program's start: changing the time or the day keeps which weeks
   * rounds happen in, instead of counting again from the day the form was saved.
   */
  private static Program keepWeeks(Program sent, Program current) {
    if (current == null || current.cadence().everyWeeks() != sent.cadence().everyWeeks()) {
      return sent;
    }
    return sent.withCadence(sent.cadence().anchoredAt(current.cadence().anchor()));
  }

  /** Ephemeral in the channel, as a command's answer would be; a DM when the channel refuses it. */
  private void tell(String team, String user, String channel, String text) {
    try {
      slack.call(team, "chat.postEphemeral", c -> c.chatPostEphemeral(r -> r.channel(channel).user(user).text(text)));
    } catch (SlackCallException e) {
      Failures.log("tell the coffee settings outcome in the channel", e);
      outbox.send(Delivery.post(team, user, "pairing:" + channel + ":settings:" + user + ":" + clock.millis(),
          text, null).about("pairing", channel, "settings confirmation"));
    }
  }
}
