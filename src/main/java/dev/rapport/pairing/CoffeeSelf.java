package dev.rapport.pairing;

import dev.rapport.people.Profile;
import dev.rapport.people.Profiles;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A member's own coffee pairing, for the dashboard: their programs and groups, and the same choices as
 * {@code /coffee pause|resume|leave|join|avoid|unavoid}, with the same rules. Refusals are {@link UserError}s
 * in plain words.
 */
@Component
public class CoffeeSelf {

  /** One of the member's programs. {@code pausedUntil} is null when not paused. */
  public record MyProgram(String channel, String cadence, Instant nextRound, Instant pausedUntil,
                          boolean pausedForSilence, boolean left) {}

  /** One of the member's past groups and their own answer: "met", "not" or null. */
  public record MyGroup(String channel, Instant at, List<String> others, String outcome,
                        List<String> othersWhoMet) {}

  static final int MAX_PAUSE_WEEKS = 12;

  private final MyCoffee mine;
  private final ChoiceStore choices;
  private final Profiles profiles;
  private final Clock clock;

  CoffeeSelf(MyCoffee mine, ChoiceStore choices, Profiles profiles, Clock clock) {
    this.mine = mine;
    this.choices = choices;
    this.profiles = profiles;
    this.clock = clock;
  }

  public List<MyProgram> programs(String team, String user) {
    return mine.memberships(team, user).stream().map(m -> new MyProgram(m.program().channel(),
        m.program().cadence().describe(), m.nextRound().orElse(null), m.pausedUntil().orElse(null),
        m.pausedUntil().map(ChoiceStore::isGhostPause).orElse(false), m.left())).toList();
  }

  public List<MyGroup> history(String team, String user, int count) {
    return mine.history(team, user, count).stream().map(p -> new MyGroup(p.channel(), p.at(), p.others(),
        p.outcome(), p.othersWhoMet())).toList();
  }

  /** Pauses {@code user} in {@code channel} for 1 to 12 weeks; returns when the pause ends. */
  public Instant pause(String team, String user, String channel, int weeks) {
    if (weeks < 1 || weeks > MAX_PAUSE_WEEKS) {
      throw new UserError("A pause lasts 1 to " + MAX_PAUSE_WEEKS + " weeks.");
    }
    requireMine(team, user, channel);
    Instant until = clock.instant().plus(Duration.ofDays(7L * weeks));
    choices.pause(team, channel, user, until);
    return until;
  }

  public void resume(String team, String user, String channel) {
    requireMine(team, user, channel);
    choices.resume(team, channel, user);
  }

  public void leave(String team, String user, String channel) {
    requireMine(team, user, channel);
    choices.leave(team, channel, user);
  }

  public void join(String team, String user, String channel) {
    requireMine(team, user, channel);
    choices.join(team, channel, user);
  }

  /** The member's private do-not-pair list. */
  public Set<String> avoided(String team, String user) {
    return choices.avoided(team, user);
  }

  /** Adds {@code other} to the list, refusing oneself, bots and deactivated accounts as the command does. */
  public void avoid(String team, String user, String other) throws SlackCallException {
    if (other.equals(user)) {
      throw new UserError("You can't avoid yourself.");
    }
    Profile profile;
    try {
      profile = profiles.get(team, other);
    } catch (SlackCallException e) {
      if (e.kind() != SlackCallException.Kind.API_ERROR) {
        throw e;
      }
      throw new UserError("Slack doesn't know that person in this workspace, so nothing changed.");
    }
    if (profile != null && !profile.isHuman()) {
      throw new UserError(profile.deleted() ? "That account is deactivated, so they're never in a coffee group."
          : "Bots are never in coffee groups, so there is nothing to avoid.");
    }
    choices.avoid(team, user, other);
  }

  public boolean unavoid(String team, String user, String other) {
    return choices.unavoid(team, user, other);
  }

  /** Only the member's own programs: a form naming another channel changes nothing. */
  private void requireMine(String team, String user, String channel) {
    if (programs(team, user).stream().noneMatch(p -> p.channel().equals(channel))) {
      throw new UserError("You're not in a coffee pairing there, so nothing changed.");
    }
  }
}
