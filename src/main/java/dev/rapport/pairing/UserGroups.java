package dev.rapport.pairing;

import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The workspace's Slack user groups ({@code usergroups:read}), e.g. a pool of onboarding buddies. */
@Component
class UserGroups {

  /** A user group: {@code handle} is what people type after @. */
  record Group(String id, String handle, String name) {}

  private final SlackGateway slack;

  UserGroups(SlackGateway slack) {
    this.slack = slack;
  }

  /** The enabled user groups. */
  List<Group> all(String team) throws SlackCallException {
    var groups = slack.call(team, "usergroups.list", c -> c.usergroupsList(r -> r.includeDisabled(false)))
        .getUsergroups();
    return groups == null ? List.of() : groups.stream().filter(g -> g.getId() != null && g.getHandle() != null)
        .map(g -> new Group(g.getId(), g.getHandle(), g.getName() == null ? g.getHandle() : g.getName())).toList();
  }

  /** The group whose handle is {@code handle} (with or without the @, any case). */
  Optional<Group> byHandle(String team, String handle) throws SlackCallException {
    String wanted = handle.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
    return all(team).stream().filter(g -> g.handle().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }

  /** The members of group {@code id}. */
  List<String> members(String team, String id) throws SlackCallException {
    List<String> users = slack.call(team, "usergroups.users.list", c -> c.usergroupsUsersList(r -> r.usergroup(id)))
        .getUsers();
    return users == null ? List.of() : users;
  }
}
