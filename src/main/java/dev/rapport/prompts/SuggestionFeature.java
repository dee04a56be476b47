package dev.rapport.prompts;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.slack.AccessPolicy;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.Subcommand;
import dev.rapport.slack.UserError;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code /empathy suggest [strategy] <text>}: anyone proposes a prompt; the admins get it in a DM with
 * Approve / Reject buttons (one Approve per strategy when the proposer didn't pick one). An approved prompt
 * joins the workspace's library, and the proposer is told either way. Once one admin decides, every
 * reviewer's DM says who decided and how ({@link ReviewDms}).
 */
@Component
class SuggestionFeature implements SlackFeature {

  private final Suggestions suggestions;
  private final PromptLibrary library;
  private final Reviewers reviewers;
  private final ReviewDms reviewDms;
  private final Outbox outbox;
  private final AccessPolicy access;
  private final AnswerLater later;

  SuggestionFeature(Suggestions suggestions, PromptLibrary library, Reviewers reviewers, ReviewDms reviewDms,
                    Outbox outbox, AccessPolicy access, AnswerLater later) {
    this.suggestions = suggestions;
    this.library = library;
    this.reviewers = reviewers;
    this.reviewDms = reviewDms;
    this.outbox = outbox;
    this.access = access;
    this.later = later;
  }

  @Override
  public List<Subcommand> subcommands() {
    return List.of(Subcommand.everyone("/empathy", "suggest", "[strategy] <text>",
        "Propose a prompt; Rapport admins review it", this::suggest));
  }

  @Override
  public void register(App app) {
    app.blockAction(Pattern.compile("^" + ReviewMessage.APPROVE + "(_[a-z-]+)?$"), (req, ctx) -> {
      decideLater(req.getPayload(), true);
      return ctx.ack();
    });
    app.blockAction(ReviewMessage.REJECT, (req, ctx) -> {
      decideLater(req.getPayload(), false);
      return ctx.ack();
    });
  }

  Reply suggest(CommandCall call) {
    String team = call.caller().team();
    if (call.args().isEmpty()) {
      throw new UserError(":bulb: What would you like to suggest? e.g. `/empathy suggest What's a small kindness "
          + "you noticed this week?` You can name a strategy first: " + Strategy.choices() + ".");
    }
    String[] parts = call.args().split("\\s+", 2);
    Optional<Strategy> named = parts.length > 1 ? Strategy.parse(parts[0]) : Optional.empty();
    String text = PromptText.fromCommand(named.isPresent() ? parts[1] : call.args(), "prompt");
    library.sameText(team, text).ifPresent(same -> {
      throw new UserError(":repeat: Great minds: that prompt is already in the library (`" + same.id() + "`).");
    });
    Suggestions.Suggestion s = suggestions.create(team, call.caller().user(), text, named.orElse(null));
    // The thank-you is the answer; only a failure to reach any admin is answered later.
    later.answer("/empathy suggest", call.responseUrl(), () -> {
      int sent = reviewers.tell(team, "prompts:" + team + ":suggestion:" + s.id() + ":review",
          "Suggested empathy prompt: " + Mrkdwn.escape(text), ReviewMessage.blocks(s), ReviewDms.TAG,
          ReviewDms.context(s.id()));
      return sent > 0 ? Reply.none() : Reply.text(":warning: I couldn't find a Rapport admin to review your "
          + "suggestion. Ask whoever installed Rapport in your workspace to make someone a Rapport admin, "
          + "then suggest it again.");
    });
    return Reply.text(":bulb: Thank you! Your suggestion went to the Rapport admins:\n>" + Mrkdwn.escape(text)
        + "\nI'll message you when they decide.");
  }

  private void decideLater(BlockActionPayload payload, boolean approve) {
    String team = payload.getTeam().getId();
    String admin = payload.getUser().getId();
    String value = payload.getActions().get(0).getValue();
    String answered = payload.getContainer() != null && payload.getContainer().getChannelId() != null
        ? payload.getContainer().getChannelId() : payload.getChannel() == null ? "" : payload.getChannel().getId();
    later.answer("decide on a suggestion", payload.getResponseUrl(), () -> {
      if (!access.isAdmin(team, admin)) {
        return Reply.text(":lock: Only Rapport admins can decide on suggestions — " + access.askAnAdmin(team) + ".");
      }
      ReviewMessage.Choice choice = ReviewMessage.Choice.parse(value);
      String id = choice.suggestion();
      Optional<String> decision = approve ? approve(team, admin, choice) : reject(team, admin, id);
      if (decision.isPresent()) {
        reviewDms.decide(team, id, decision.get(), answered);
        return Reply.text(decision.get()).replacingOriginal();
      }
      return Reply.text(reviewDms.decision(team, id)
          .map(d -> "This suggestion was already decided, so nothing changed:\n" + d)
          .orElse("This suggestion was already decided, or it expired. Nothing changed.")).replacingOriginal();
    });
  }

  /** The decision in words, or empty when the suggestion was already decided (or expired). */
  private Optional<String> approve(String team, String admin, ReviewMessage.Choice choice) {
    Strategy strategy = choice.strategy() != null ? choice.strategy() : Strategy.require("");
    Optional<WorkspacePrompts.Approved> approved = suggestions.approve(team, choice.suggestion(), strategy);
    if (approved.isEmpty()) {
      return Optional.empty();
    }
    Prompt p = approved.get().prompt();
    if (approved.get().proposer() != null) {
      outbox.send(Delivery.dm(team, List.of(approved.get().proposer()), decidedKey(team, choice.suggestion()),
          ":tada: Your suggested prompt was approved! It joins the *" + strategy.label() + "* prompts as `"
              + p.id() + "`:\n>" + Mrkdwn.escape(p.text()) + "\nThank you for helping your colleagues connect.",
          null).about(PromptJob.FEATURE, null, "suggestion message"));
    }
    return Optional.of(":white_check_mark: <@" + admin + "> approved this suggestion: it's now `" + p.id()
        + "` in *" + strategy.label() + "*:\n>" + Mrkdwn.escape(p.text()));
  }

  private Optional<String> reject(String team, String admin, String id) {
    Optional<Suggestions.Suggestion> rejected = suggestions.reject(team, id);
    if (rejected.isEmpty()) {
      return Optional.empty();
    }
    Suggestions.Suggestion s = rejected.get();
    if (s.by() != null) {
      outbox.send(Delivery.dm(team, List.of(s.by()), decidedKey(team, id), "Thanks for suggesting a prompt:\n>"
          + Mrkdwn.escape(s.text()) + "\nThe Rapport admins decided not to add this one. Keep the ideas "
          + "coming!", null).about(PromptJob.FEATURE, null, "suggestion message"));
    }
    return Optional.of(":no_entry_sign: <@" + admin + "> rejected this suggestion:\n>" + Mrkdwn.escape(s.text()));
  }

  private static String decidedKey(String team, String id) {
    return "prompts:" + team + ":suggestion:" + id + ":decided";
  }
}
