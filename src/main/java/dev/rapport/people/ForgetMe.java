package dev.rapport.people;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.bolt.App;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import dev.rapport.store.Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Forget-me: a person asks (the command that offers it shows {@link #confirmation()}), confirms with the button,
 * and {@link MemberForgotten} goes to every module that keeps something about people; they're told "done" once
 * every module has erased them. Erasing reads a good part of the workspace's data, so a person may ask once a
 * minute: the mark that says so names them only by a hash and is gone after that minute (or at once, if the
 * erasure failed, so they can retry).
 * <pre>
 * rapport:{team}:people:forgetting:{hash}   STRING  "1" (hash: SHA-256 of team and user, 16 hex); expires
 *                                                  after a minute
 * </pre>
 */
@Component
public class ForgetMe implements SlackFeature {

  /** The confirm button's action id; buttons already shown carry it, so it keeps the name it was born with. */
  static final String CONFIRM = "pairing_forget";
  static final Duration ONCE_PER = Duration.ofMinutes(1);

  private final UnifiedJedis redis;
  private final ApplicationEventPublisher events;
  private final AnswerLater later;

  ForgetMe(UnifiedJedis redis, ApplicationEventPublisher events, AnswerLater later) {
    this.redis = redis;
    this.events = events;
    this.later = later;
  }

  /** What the forget-me command answers: what will go, and a button to confirm. */
  public Reply confirmation() {
    ConfirmationDialogObject confirm = ConfirmationDialogObject.builder()
        .title(plainText("Forget me?")).text(plainText("This deletes your coffee history and preferences "
            + "for good. It can't be undone.")).confirm(plainText("Delete")).deny(plainText("Keep them")).build();
    return Reply.blocks("Delete your coffee pairing data?", List.of(
        section(s -> s.text(markdownText(":wastebasket: This deletes your coffee history, your preferences "
            + "(pauses, programs you left) and your do-not-pair list in every channel, takes your name out "
            + "of past groups, and withdraws prompt suggestions still waiting for review. It can't be undone."))),
        actions(a -> a.elements(List.of(button(b -> b.actionId(CONFIRM).value("forget").style("danger")
            .text(plainText("Delete my data")).confirm(confirm)))))));
  }

  @Override
  public void register(App app) {
    app.blockAction(CONFIRM, (req, ctx) -> {
      var payload = req.getPayload();
      String team = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
      String user = payload.getUser().getId();
      later.answer("/coffee forget-me", payload.getResponseUrl(), () -> answer(team, user));
      return ctx.ack();
    });
  }

  private Reply answer(String team, String user) {
    if (!forget(team, user)) {
      return Reply.text(":hourglass: You asked Rapport to forget you less than a minute ago, and that is done. "
          + "To run it again, try in a minute.");
    }
    return Reply.text(":wastebasket: Done. Your pairing history, preferences and do-not-pair list are deleted, "
        + "past groups no longer name you, and your pending prompt suggestions are withdrawn. You're still a "
        + "member of your channels: `/coffee leave` in a channel keeps you out of its future rounds.");
  }

  /**
   * Erases {@code user} from {@code team} everywhere: every {@link MemberForgotten} listener has run when this
   * returns true. False (and nothing done) if they asked within a minute.
   */
  public boolean forget(String team, String user) {
    String mark = Keys.team(team, "people", "forgetting", hash(team, user));
    if (redis.set(mark, "1", SetParams.setParams().nx().ex(ONCE_PER.toSeconds())) == null) {
      return false;
    }
    try {
      events.publishEvent(new MemberForgotten(team, user));
    } catch (RuntimeException e) {
      redis.del(mark);
      throw e;
    }
    return true;
  }

  private static String hash(String team, String user) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((team + ":" + user).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
