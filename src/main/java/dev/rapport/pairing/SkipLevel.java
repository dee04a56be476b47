package dev.rapport.pairing;

import dev.rapport.people.ProfileFields;
import dev.rapport.slack.SlackCallException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The skip-level guard: where the admins named the custom profile field that holds each person's manager
 * ({@link ProgramExtras#managerField}), nobody is grouped with their own manager. The pairs go to the matcher as
 * do-not-pair entries, like private avoid lists, so nothing anyone reads says why two people weren't grouped; a
 * buddy is never the new hire's manager either. The field must be a Slack "person" field (it holds user ids):
 * a name typed as text can't be told apart from anyone else's.
 *
 * <p>Reading it costs one {@code users.profile.get} per person (cached like profiles). Slack allows that method
 * about 100 calls a minute, so a round waits out a rate limit (as Slack asks) for at most
 * {@link ProfileFields#PATIENCE} in all; people whose field it couldn't read by then count as having no manager
 * named, this round. First, one {@code team.profile.get} checks that the label still names a Person field
 * ({@link ManagerFieldCheck}): when it was deleted or retyped since it was saved, the round goes ahead without the
 * guard and the program's admins hear why, once per round ({@link AdminNotes}), instead of it silently doing
 * nothing. When Slack can't say, the fields are read as before.
 */
@Component
class SkipLevel {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SkipLevel.class);
  private static final Pattern USER_IDS = Pattern.compile("\\s*[UW][A-Z0-9]{4,}(?:\\s*,\\s*[UW][A-Z0-9]{4,})*\\s*");

  private final ProfileFields fields;
  private final ProgramExtras extras;
  private final ManagerFieldCheck check;
  private final AdminNotes notes;
  private final Clock clock;

  SkipLevel(ProfileFields fields, ProgramExtras extras, ManagerFieldCheck check, AdminNotes notes, Clock clock) {
    this.fields = fields;
    this.extras = extras;
    this.check = check;
    this.notes = notes;
    this.clock = clock;
  }

  /**
   * The manager field's label, when the program has one. Every program type keeps people apart from their
   * managers; a type made for meeting one's own manager would answer empty here.
   */
  Optional<String> field(String team, Program program) {
    return extras.managerField(team, program.channel());
  }

  /**
   * Who must not share a group because one manages the other: each member to their managers among {@code users}.
   * None, and a note to the admins, when the field is no longer a Person field of the workspace.
   */
  Map<String, Set<String>> exclusions(String team, Program program, String roundId, List<String> users) {
    Optional<String> label = field(team, program);
    if (label.isEmpty()) {
      return Map.of();
    }
    ManagerFieldCheck.Verdict verdict = check.check(team, label.get());
    if (verdict instanceof ManagerFieldCheck.Missing || verdict instanceof ManagerFieldCheck.NotPerson) {
      notes.tell(team, new RoundRef(program.channel(), roundId), "manager-field", ":warning: <#" + program.channel()
          + ">'s coffee round went ahead without keeping people apart from their managers: "
          + ManagerFieldCheck.problem(verdict) + " In `/coffee settings` in <#" + program.channel() + ">, name a "
          + "Person field as the Manager profile field, or empty it to stop using one.", "manager field unusable");
      return Map.of();
    }
    Set<String> pool = Set.copyOf(users);
    Instant giveUp = fields.giveUp();
    Map<String, Set<String>> exclusions = new HashMap<>();
    int unread = 0;
    for (String user : users) {
      Optional<Set<String>> managers = managersWaiting(team, label.get(), user, giveUp);
      if (managers.isEmpty()) {
        unread++;
        continue;
      }
      Set<String> inPool = new HashSet<>(managers.get());
      inPool.retainAll(pool);
      inPool.remove(user);
      if (!inPool.isEmpty()) {
        exclusions.put(user, inPool);
      }
    }
    if (unread > 0) {
      log.warn("Skip-level guard in {} of {}: the manager field of {} of {} people couldn't be read this round",
          program.channel(), team, unread, users.size());
    }
    return exclusions;
  }

  /** The managers {@code user}'s field names; empty when it couldn't be read (none named: an empty set). */
  Optional<Set<String>> managers(String team, String label, String user) {
    return managersWaiting(team, label, user, clock.instant());
  }

  /** As {@link #managers}, waiting out rate limits until {@code giveUp}. */
  private Optional<Set<String>> managersWaiting(String team, String label, String user, Instant giveUp) {
    try {
      return Optional.of(userIds(fields.value(team, user, label, giveUp).orElse("")));
    } catch (SlackCallException e) {
      return Optional.empty();
    }
  }

  /** The user ids a "person" field holds ("U123" or "U123,U456"); none for text that isn't ids. */
  static Set<String> userIds(String value) {
    if (value == null || !USER_IDS.matcher(value).matches()) {
      return Set.of();
    }
    List<String> ids = new ArrayList<>();
    for (String part : value.split(",")) {
      ids.add(part.strip());
    }
    return Set.copyOf(ids);
  }
}
