package dev.rapport.people;

import dev.rapport.slack.AccessPolicy;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.SlackCallException;
import org.springframework.stereotype.Component;

/**
 * Rapport admins: Slack workspace admins and owners (from {@code users.info}, cached at most 10 minutes)
 * and the people {@code RAPPORT_ADMINS} names for the workspace ({@link ConfiguredAdmins}). On the ack path a
 * role that isn't cached is not looked up: {@link AnswerLater#ifOnAckPath} makes the command answer after the ack.
 */
@Component
public class Roles implements AccessPolicy {

  private final ConfiguredAdmins configuredAdmins;
  private final Profiles profiles;

  Roles(ConfiguredAdmins configuredAdmins, Profiles profiles) {
    this.configuredAdmins = configuredAdmins;
    this.profiles = profiles;
  }

  @Override
  public java.util.List<String> namedAdmins(String team) {
    return configuredAdmins.of(team);
  }

  @Override
  public boolean isAdmin(String team, String user) {
    if (configuredAdmins.includes(team, user)) {
      return true;
    }
    try {
      Profile profile = profiles.get(team, user);
      return profile.admin() || profile.owner();
    } catch (AnswerLater.Deferred notCached) {
      // On the ack path with no cached profile: the command answers after the ack, once Slack said.
      throw new AnswerLater.Deferred(AnswerLater.CHECKING_ROLE);
    } catch (SlackCallException e) {
      // If Slack can't tell us, refuse: admin actions can wait, a wrong "yes" can't be undone.
      return false;
    }
  }
}
