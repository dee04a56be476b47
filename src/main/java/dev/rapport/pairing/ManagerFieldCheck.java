package dev.rapport.pairing;

import dev.rapport.people.ProfileFields;
import dev.rapport.slack.Failures;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.SlackCallException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Whether a manager field's label names one of the workspace's Slack "Person" fields ({@code team.profile.get}).
 * A typo, or a field of names typed as text, would leave the skip-level guard ({@link SkipLevel}) doing nothing
 * while HR believes nobody meets their own manager; so the label is checked when it is saved and at each round.
 */
@Component
class ManagerFieldCheck {

  /** What Slack said about a label. */
  sealed interface Verdict permits Person, Missing, NotPerson, Unchecked {
  }

  /** A Person field, labelled as Slack spells it. */
  record Person(String label) implements Verdict {}

  /** No field by that label; {@code people}: the labels of the workspace's Person fields. */
  record Missing(String typed, List<String> people) implements Verdict {}

  /** A field of another Slack type ("text", "date", …). */
  record NotPerson(String label, String type, List<String> people) implements Verdict {}

  /** Slack couldn't be asked just now (rate limited, down, an error). */
  record Unchecked(String typed) implements Verdict {}

  /** Slack's field types as its profile settings name them. */
  private static final Map<String, String> TYPES = Map.of("text", "Text", "long_text", "Long text", "date", "Date",
      "link", "Link", "options_list", "Options list", "tags", "Tags", "user", "Person");

  /** How many Person fields an answer names. */
  private static final int LISTED = 10;

  private final ProfileFields fields;

  ManagerFieldCheck(ProfileFields fields) {
    this.fields = fields;
  }

  /** Asks Slack (after the ack: one {@code team.profile.get}); never throws, a failure is {@link Unchecked}. */
  Verdict check(String team, String label) {
    List<ProfileFields.Definition> all;
    try {
      all = fields.definitions(team);
    } catch (SlackCallException e) {
      Failures.log("check the manager profile field", e);
      return new Unchecked(label);
    }
    List<String> people = all.stream().filter(ProfileFields.Definition::person)
        .map(ProfileFields.Definition::label).toList();
    return ProfileFields.named(all, label).<Verdict>map(d -> d.person() ? new Person(d.label())
        : new NotPerson(d.label(), d.type(), people)).orElseGet(() -> new Missing(label, people));
  }

  /** For {@link Missing} and {@link NotPerson}: what is wrong with the label and how to mend it. */
  static String problem(Verdict verdict) {
    if (verdict instanceof Missing missing) {
      return "this workspace has no profile field called " + Mrkdwn.code(missing.typed()) + ". "
          + choices(missing.people());
    }
    if (verdict instanceof NotPerson other) {
      String type = TYPES.getOrDefault(other.type(), other.type().isBlank() ? "unknown" : other.type());
      return "the profile field " + Mrkdwn.code(other.label()) + " is a *" + Mrkdwn.escape(type) + "* field, and "
          + "it must be a *Person* field (one whose values are people picked in Slack, not names typed as text). "
          + choices(other.people());
    }
    throw new IllegalArgumentException("not a problem: " + verdict);
  }

  private static String choices(List<String> people) {
    if (people.isEmpty()) {
      return "The workspace has no Person fields yet: a Slack admin adds one under the workspace's profile "
          + "settings (as a *Person* field, e.g. \"Manager\"), and people fill in their manager there.";
    }
    // A workspace may define dozens of fields: the answer stays short enough for one message.
    String more = people.size() > LISTED ? " and " + (people.size() - LISTED) + " more" : "";
    return "Its Person " + (people.size() == 1 ? "field is " : "fields are ")
        + people.stream().limit(LISTED).map(Mrkdwn::code).collect(Collectors.joining(", ")) + more + ".";
  }
}
