package dev.rapport.people;

import dev.rapport.slack.SlackSettings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The admins named in {@code RAPPORT_ADMINS}. An entry {@code T0123:U0456} makes U0456 an admin in workspace
 * T0123 only; a bare {@code U0456} in every workspace this deployment serves (what a single-workspace
 * install means by it). Serving several workspaces (OAuth), bare entries are logged as a warning at start:
 * an admin of one workspace should not administer another one that user may reach (a shared channel, a
 * guest account).
 */
@Component
public class ConfiguredAdmins {

  private static final Logger log = LoggerFactory.getLogger(ConfiguredAdmins.class);

  private final List<PeopleSettings.Admin> admins;

  ConfiguredAdmins(PeopleSettings settings, SlackSettings slack) {
    this.admins = settings.adminEntries();
    List<String> everywhere = admins.stream().filter(a -> a.team() == null).map(PeopleSettings.Admin::user).toList();
    if (slack.mode() == SlackSettings.Mode.OAUTH && !everywhere.isEmpty()) {
      log.warn("RAPPORT_ADMINS names {} without a workspace, so they administer Rapport in every workspace that "
          + "installs it. Write T…:U… (workspace id:user id) to limit each to their workspace.", everywhere);
    }
  }

  /** Whether {@code RAPPORT_ADMINS} makes {@code user} an admin in {@code team}. */
  public boolean includes(String team, String user) {
    return admins.stream().anyMatch(a -> a.user().equals(user) && (a.team() == null || a.team().equals(team)));
  }

  /** The user ids {@code RAPPORT_ADMINS} makes admins in {@code team}, in the order listed. */
  public List<String> of(String team) {
    return admins.stream().filter(a -> a.team() == null || a.team().equals(team)).map(PeopleSettings.Admin::user)
        .distinct().toList();
  }
}
