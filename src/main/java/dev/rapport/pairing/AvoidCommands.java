package dev.rapport.pairing;

import dev.rapport.people.Profile;
import dev.rapport.people.Profiles;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Mentions;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.UserError;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /coffee avoid} and {@code /coffee unavoid}: a member's private do-not-pair list, in every program. Nobody
 * else ever sees it or hears they are on it.
 */
@Component
class AvoidCommands {

  private final ChoiceStore choices;
  private final Profiles profiles;

  AvoidCommands(ChoiceStore choices, Profiles profiles) {
    this.choices = choices;
    this.profiles = profiles;
  }

  Reply avoid(CommandCall call) throws SlackCallException {
    String team = call.caller().team();
    String me = call.caller().user();
    if (call.args().isBlank()) {
      List<String> avoided = choices.avoided(team, me).stream().sorted().toList();
      return Reply.text(avoided.isEmpty() ? ":shushing_face: Your do-not-pair list is empty. `/coffee avoid "
          + "@someone` adds someone; only you can see the list."
          : ":shushing_face: Your do-not-pair list (only you can see it): " + Names.mentions(avoided)
              + ". `/coffee unavoid @someone` takes someone off.");
    }
    String other = Mentions.user(call.args(), "/coffee avoid @someone");
    if (other.equals(me)) {
      throw new UserError("You can't avoid yourself — but we like the thinking.");
    }
    Profile profile = person(team, other);
    if (profile != null && !profile.isHuman()) {
      throw new UserError(profile.deleted() ? "<@" + other + ">'s account is deactivated, so they're never in "
          + "a coffee group — nothing to avoid." : "<@" + other + "> is a bot, and bots are never in coffee groups "
          + "— nothing to avoid.");
    }
    choices.avoid(team, me, other);
    return Reply.text(":shushing_face: Noted: you won't be paired with <@" + other + "> in any program. "
        + "This list is private; nobody else can see it. `/coffee unavoid @them` undoes it.");
  }

  Reply unavoid(CommandCall call) {
    String other = Mentions.user(call.args(), "/coffee unavoid @someone");
    boolean removed = choices.unavoid(call.caller().team(), call.caller().user(), other);
    return Reply.text(removed ? "Done: <@" + other + "> can be paired with you again."
        : "<@" + other + "> wasn't on your do-not-pair list, so nothing changed.");
  }

  /**
   * The person, if Slack knows them; null when it says it doesn't (someone from another organisation in a shared
   * channel, say): their entry is kept, as it costs nothing and may matter.
   */
  private Profile person(String team, String user) throws SlackCallException {
    try {
      return profiles.get(team, user);
    } catch (SlackCallException e) {
      if (e.kind() == SlackCallException.Kind.API_ERROR) {
        return null;
      }
      throw e;
    }
  }
}
