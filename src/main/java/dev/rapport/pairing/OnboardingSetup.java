package dev.rapport.pairing;

import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.UserError;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns {@link OnboardingWords} (from {@code /coffee start}) and the settings form's fields into the program's
 * onboarding and manager field ({@link ProgramExtras}): a user group named is looked up first (after the ack), so
 * an unknown one is refused before anything changes.
 */
@Component
class OnboardingSetup {

  /** What the words ask for, resolved: apply with {@link #apply}. */
  record Change(Optional<Onboarding> onboarding, boolean onboardingChanged, String managerField) {}

  private final ProgramExtras extras;
  private final UserGroups groups;

  OnboardingSetup(ProgramExtras extras, UserGroups groups) {
    this.extras = extras;
    this.groups = groups;
  }

  /** Reads the change the words ask for; talks to Slack when a user group is named (after the ack). */
  Change resolve(String team, String channel, OnboardingWords words) throws SlackCallException {
    Optional<Onboarding> current = extras.onboarding(team, channel);
    if (words.onboarding() == null) {
      return new Change(current, false, words.managerField());
    }
    if (!words.onboarding()) {
      return new Change(Optional.empty(), current.isPresent(), words.managerField());
    }
    Onboarding base = current.orElse(Onboarding.defaults());
    String group = base.buddyGroup();
    String handle = base.buddyGroupHandle();
    if (words.buddies() != null) {
      UserGroups.Group found = words.buddies().isEmpty() ? null : group(team, words.buddies());
      group = found == null ? null : found.id();
      handle = found == null ? null : found.handle();
    }
    return new Change(Optional.of(new Onboarding(group, handle,
        words.journey() != null ? words.journey() : base.journey())), true, words.managerField());
  }

  /** A user group named by its mention or handle; a friendly error when the workspace has none by that name. */
  UserGroups.Group group(String team, String typed) throws SlackCallException {
    String id = OnboardingWords.groupId(typed);
    String handle = OnboardingWords.handle(typed);
    Optional<UserGroups.Group> found = groups.all(team).stream()
        .filter(g -> g.id().equals(id) || handle != null && g.handle().equalsIgnoreCase(handle)).findFirst();
    return found.orElseThrow(() -> new UserError("I can't find a user group " + Mrkdwn.echo(typed) + " in this "
        + "workspace. Mention it with @ as Slack suggests it (e.g. `buddies @mentors`), or use `buddies channel` "
        + "to pick buddies from the channel's longer-standing members."));
  }

  /** Saves the change; the sentence for the confirmation ("" when nothing about people changed). */
  String apply(String team, String channel, Change change) {
    StringBuilder said = new StringBuilder();
    if (change.onboardingChanged()) {
      extras.onboarding(team, channel, change.onboarding().orElse(null));
      change.onboarding().ifPresent(o -> said.append("\n:seedling: Onboarding buddies: whoever joins <#")
          .append(channel).append("> gets ").append(o.describe().replaceFirst("^buddies", "a buddy"))
          .append(". After that they're in the regular rounds. An admin can also add someone with a start date: `")
          .append(OnboardingEvents.USAGE).append("`."));
    }
    if (change.managerField() != null) {
      extras.managerField(team, channel, change.managerField());
      said.append(change.managerField().isEmpty() ? "\nNo manager field: people may be paired with their managers."
          : "\n:busts_in_silhouette: Nobody is paired with their own manager (profile field "
          + Mrkdwn.echo(change.managerField()) + ").");
    }
    return said.toString();
  }
}
