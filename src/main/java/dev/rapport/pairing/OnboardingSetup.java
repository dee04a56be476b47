package dev.rapport.pairing;

import dev.rapport.people.ProfileFields;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.UserError;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns {@link OnboardingWords} (from {@code /coffee start}) and the settings form's fields into the program's
 * onboarding and manager field ({@link ProgramExtras}): a user group named is looked up first (after the ack), so
 * an unknown one is refused before anything changes. A manager field is checked with Slack too
 * ({@link ManagerFieldCheck}): one that isn't a Person field of the workspace is not saved, the rest still is, and
 * the answer says why and which Person fields there are.
 */
@Component
class OnboardingSetup {

  /**
   * What the words ask for, resolved: apply with {@link #apply}.
   *
   * @param managerField the label to save, "" to clear it, null: as it was
   * @param managerSaid what the confirmation says about the manager field ("" when it wasn't mentioned)
   */
  record Change(Optional<Onboarding> onboarding, boolean onboardingChanged, String managerField,
                String managerSaid) {}

  /** The manager field to save (null: as it was) and what to say about it. */
  private record Manager(String field, String said) {}

  private final ProgramExtras extras;
  private final UserGroups groups;
  private final ManagerFieldCheck managerCheck;

  OnboardingSetup(ProgramExtras extras, UserGroups groups, ManagerFieldCheck managerCheck) {
    this.extras = extras;
    this.groups = groups;
    this.managerCheck = managerCheck;
  }

  /** Reads the change the words ask for; talks to Slack when a user group is named (after the ack). */
  Change resolve(String team, String channel, OnboardingWords words) throws SlackCallException {
    Optional<Onboarding> current = extras.onboarding(team, channel);
    Manager manager = manager(team, channel, words.managerField());
    if (words.onboarding() == null) {
      return new Change(current, false, manager.field(), manager.said());
    }
    if (!words.onboarding()) {
      return new Change(Optional.empty(), current.isPresent(), manager.field(), manager.said());
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
        words.journey() != null ? words.journey() : base.journey())), true, manager.field(), manager.said());
  }

  /** The typed manager field, checked with Slack: saved when it is a Person field, or when Slack can't say. */
  private Manager manager(String team, String channel, String typed) {
    if (typed == null) {
      return new Manager(null, "");
    }
    if (typed.isEmpty()) {
      return new Manager("", "\nNo manager field: people may be paired with their managers.");
    }
    ManagerFieldCheck.Verdict verdict = managerCheck.check(team, typed);
    if (verdict instanceof ManagerFieldCheck.Person person) {
      return new Manager(person.label(), "\n:busts_in_silhouette: Nobody is paired with their own manager (profile "
          + "field " + Mrkdwn.code(person.label()) + ").");
    }
    if (verdict instanceof ManagerFieldCheck.Unchecked) {
      return new Manager(typed, "\n:grey_question: Manager field " + Mrkdwn.code(typed) + " saved, but I couldn't "
          + "ask Slack just now whether it is a Person field of this workspace. If it isn't one at the next round, "
          + "the program's admins will hear then; until it is, people may be paired with their managers.");
    }
    return new Manager(null, "\n:warning: *The manager field wasn't saved:* " + ManagerFieldCheck.problem(verdict)
        + " " + stillInForce(team, channel, typed) + " Everything else above is saved.");
  }

  /** What the program keeps using after a manager field was refused. */
  private String stillInForce(String team, String channel, String refused) {
    Optional<String> saved = extras.managerField(team, channel);
    if (saved.isEmpty()) {
      return "No manager field is set, so people may be paired with their managers.";
    }
    if (ProfileFields.sameLabel(saved.get(), refused)) {
      return "It stays as it was, and keeps nobody apart until it names a Person field.";
    }
    return "The program keeps the field it had, " + Mrkdwn.code(saved.get()) + ".";
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
    }
    return said.append(change.managerSaid()).toString();
  }
}
