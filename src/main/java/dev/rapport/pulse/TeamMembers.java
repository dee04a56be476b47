package dev.rapport.pulse;

import dev.rapport.people.Directory;
import dev.rapport.people.Profile;
import dev.rapport.slack.SlackCallException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The people of a team (a channel) the pulse is for: its human members, without bots or deactivated accounts. */
@Component
class TeamMembers {

  private final Directory directory;

  TeamMembers(Directory directory) {
    this.directory = directory;
  }

  List<String> humans(String team, String channel) throws SlackCallException {
    List<String> members = directory.members(team, channel);
    Map<String, Profile> profiles = directory.profiles(team, members);
    return members.stream().filter(id -> profiles.containsKey(id) && profiles.get(id).isHuman()).toList();
  }
}
