package dev.rapport.pairing;

import dev.rapport.pairing.matching.Group;
import dev.rapport.pairing.matching.Structure;
import dev.rapport.people.Directory;
import dev.rapport.people.ProfileFields;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.UserError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a program's type means in Slack terms: who is on each side (user groups with {@code usergroups.users.list},
 * channels, or a custom profile field through {@link ProfileFields}), who hosts, who works in which office. Checked
 * when an admin saves the program (so a missing user group or an empty side is said then, with an example), and
 * read again for each round, as the matcher's {@link Structure}.
 */
@Component
class ProgramShapes {

  /** A round's shape: who takes part (of those eligible) and how they are grouped. */
  record Shape(List<String> pool, Structure structure) {}

  /** Profile fields are checked when saving for channels up to this size. */
  static final int FIELD_CHECK_MAX = 100;

  private final UserGroups userGroups;
  private final Directory directory;
  private final ProfileFields fields;
  private final ProgramStore programs;

  ProgramShapes(UserGroups userGroups, Directory directory, ProfileFields fields, ProgramStore programs) {
    this.userGroups = userGroups;
    this.directory = directory;
    this.fields = fields;
    this.programs = programs;
  }

  /**
   * Checks a type before its program is saved (after the ack: it reads Slack) and returns it with user groups
   * typed by handle resolved to their ids. A {@link UserError} says what is wrong, with an example.
   */
  ProgramType check(String team, String channel, ProgramType type) throws SlackCallException {
    AnswerLater.ifOnAckPath(":hourglass_flowing_sand: Checking the program's people in Slack…");
    if (type instanceof ProgramType.Cross cross) {
      return checkCross(team, channel, cross);
    }
    if (type instanceof ProgramType.Leader leader) {
      if (!directory.members(team, channel).contains(leader.host())) {
        throw new UserError("<@" + leader.host() + "> isn't in <#" + channel + ">, so they can't host its leader "
            + "roulette. Invite them to the channel first, or pick a host who is in it. Example: `"
            + ProgramTypeWords.LEADER_EXAMPLE + "`");
      }
      return leader;
    }
    if (type instanceof ProgramType.Office office && office.field() != null) {
      Optional<List<String>> everyone = smallChannel(team, channel);
      if (everyone.isPresent() && offices(team, office, everyone.get()).isEmpty()) {
        throw new UserError("Nobody in <#" + channel + "> has " + Mrkdwn.escape(office.field()) + " filled in in "
            + "their Slack profile, so nobody's office is known. Check the field's name. Example: `"
            + ProgramTypeWords.OFFICE_EXAMPLE + "`");
      }
    }
    if (type instanceof ProgramType.Office office) {
      List<ProgramType.Side> groups = new ArrayList<>();
      for (ProgramType.Side group : office.groups()) {
        ProgramType.Side resolved = resolve(team, group, ProgramTypeWords.OFFICE_GROUPS_EXAMPLE);
        if (groupMembers(team, resolved, ProgramTypeWords.OFFICE_GROUPS_EXAMPLE).isEmpty()) {
          throw new UserError("The user group " + resolved.describe() + " has nobody in it, so it can't be an "
              + "office. Add people to it in Slack, or name offices by a profile field. Example: `"
              + ProgramTypeWords.OFFICE_EXAMPLE + "`");
        }
        groups.add(resolved);
      }
      return new ProgramType.Office(office.field(), groups, office.mode());
    }
    return type;
  }

  private ProgramType checkCross(String team, String channel, ProgramType.Cross cross) throws SlackCallException {
    if (cross.a().kind() == ProgramType.SideKind.FIELD) {
      Optional<List<String>> everyone = smallChannel(team, channel);
      for (ProgramType.Side side : List.of(cross.a(), cross.b())) {
        if (everyone.isPresent() && sideMembers(team, side, everyone.get()).isEmpty()) {
          throw new UserError("The side " + side.describe() + " is empty: nobody in <#" + channel + "> has "
              + Mrkdwn.escape(side.ref()) + " set to “" + Mrkdwn.escape(side.value()) + "” in their Slack profile. "
              + "Check the field's name and the value's spelling. Example: `" + ProgramTypeWords.CROSS_FIELD_EXAMPLE
              + "`");
        }
      }
      return cross;
    }
    ProgramType.Side a = resolve(team, cross.a(), ProgramTypeWords.CROSS_EXAMPLE);
    ProgramType.Side b = resolve(team, cross.b(), ProgramTypeWords.CROSS_EXAMPLE);
    Set<String> inChannel = Set.copyOf(directory.members(team, channel));
    for (ProgramType.Side side : List.of(a, b)) {
      Set<String> members = sideMembers(team, side, List.of());
      String example = side.kind() == ProgramType.SideKind.CHANNEL ? ProgramTypeWords.CROSS_CHANNELS_EXAMPLE
          : ProgramTypeWords.CROSS_EXAMPLE;
      if (members.isEmpty()) {
        throw new UserError("The side " + side.describe() + " is empty: nobody is in it, so nobody could be paired "
            + "across. Add people to it, or pick another. Example: `" + example + "`");
      }
      if (members.stream().noneMatch(inChannel::contains)) {
        throw new UserError("Nobody from " + side.describe() + " is in <#" + channel + ">, and a program pairs the "
            + "members of its channel. Invite them, or run the command where they are. Example: `" + example + "`");
      }
    }
    return new ProgramType.Cross(a, b);
  }

  /**
   * The channel's members when there are few enough to read everyone's profile fields while saving (they are
   * cached for the first round); empty for bigger channels, whose fields are read at each round.
   */
  private Optional<List<String>> smallChannel(String team, String channel) throws SlackCallException {
    List<String> members = directory.members(team, channel);
    return members.size() <= FIELD_CHECK_MAX ? Optional.of(members) : Optional.empty();
  }

  /** The round's pool and structure, from the members eligible this round. */
  Shape of(String team, Program program, List<String> eligible) throws SlackCallException {
    ProgramType type = program.type();
    if (type instanceof ProgramType.Leader leader) {
      return new Shape(eligible, new Structure.Hosted(leader.host(), leader.guests()));
    }
    if (type instanceof ProgramType.Cross cross) {
      Set<String> a = sideMembers(team, cross.a(), eligible);
      Set<String> b = sideMembers(team, cross.b(), eligible);
      b.removeAll(a); // on both sides: counted on the first
      a.retainAll(eligible);
      b.retainAll(eligible);
      List<String> pool = eligible.stream().filter(u -> a.contains(u) || b.contains(u)).toList();
      return new Shape(pool, new Structure.Sides(a, b, programs.turns(team, program.channel())));
    }
    if (type instanceof ProgramType.Office office) {
      return new Shape(eligible, new Structure.Offices(offices(team, office, eligible), office.mode()));
    }
    return new Shape(eligible, Structure.OPEN);
  }

  /** Where each group meets and why, for programs by office; empty for others. */
  static List<String> places(Structure structure, List<Group> groups) {
    if (!(structure instanceof Structure.Offices offices)) {
      return List.of();
    }
    List<String> places = new ArrayList<>();
    for (Group group : groups) {
      places.add(place(offices, group));
    }
    return places;
  }

  private static String place(Structure.Offices offices, Group group) {
    if (group.office() != null) {
      return ":office: *In person* at " + Mrkdwn.escape(group.office()) + ": you all work there.";
    }
    if (offices.mode() == Structure.Mode.VIRTUAL) {
      return ":video_camera: *By video*: this program meets by video.";
    }
    Set<String> where = new LinkedHashSet<>();
    boolean unknown = false;
    for (String member : group.members()) {
      String office = offices.officeOf().get(member);
      unknown |= office == null;
      if (office != null) {
        where.add(Mrkdwn.escape(office));
      }
    }
    String why = unknown ? "not everyone's office is known to Rapport"
        : where.size() > 1 ? "you work in different offices (" + String.join(", ", where) + ") and there was "
            + (offices.mode() == Structure.Mode.HYBRID ? "nobody new left to meet in person this round"
                : "no new local match for everyone this round")
        : "there was no new local match for everyone this round";
    return ":video_camera: *By video*: " + why + ".";
  }

  private Set<String> sideMembers(String team, ProgramType.Side side, List<String> eligible)
      throws SlackCallException {
    return switch (side.kind()) {
      case USERGROUP -> new LinkedHashSet<>(groupMembers(team, resolve(team, side, ProgramTypeWords.CROSS_EXAMPLE),
          ProgramTypeWords.CROSS_EXAMPLE));
      case CHANNEL -> {
        try {
          yield new LinkedHashSet<>(directory.members(team, side.ref()));
        } catch (SlackCallException e) {
          if (e.kind() != SlackCallException.Kind.API_ERROR) {
            throw e;
          }
          throw new UserError("I can't see who is in <#" + side.ref() + "> (" + Mrkdwn.code(e.error()) + "). Invite "
              + "Rapport to it with `/invite @Rapport`, then try again. Example: `"
              + ProgramTypeWords.CROSS_CHANNELS_EXAMPLE + "`");
        }
      }
      case FIELD -> {
        Set<String> members = new LinkedHashSet<>();
        Instant giveUp = fields.giveUp();
        for (String user : eligible) {
          Optional<String> value = fields.value(team, user, side.ref(), giveUp);
          if (value.isPresent() && value.get().equalsIgnoreCase(side.value().strip())) {
            members.add(user);
          }
        }
        yield members;
      }
    };
  }

  private Map<String, String> offices(String team, ProgramType.Office office, List<String> eligible)
      throws SlackCallException {
    Map<String, String> officeOf = new HashMap<>();
    if (office.field() != null) {
      Instant giveUp = fields.giveUp();
      for (String user : eligible) {
        fields.value(team, user, office.field(), giveUp).ifPresent(value -> officeOf.put(user, value));
      }
      return officeOf;
    }
    Set<String> wanted = Set.copyOf(eligible);
    for (ProgramType.Side group : office.groups()) {
      ProgramType.Side resolved = resolve(team, group, ProgramTypeWords.OFFICE_GROUPS_EXAMPLE);
      String name = resolved.value() != null ? resolved.value() : resolved.ref();
      for (String user : groupMembers(team, resolved, ProgramTypeWords.OFFICE_GROUPS_EXAMPLE)) {
        if (wanted.contains(user)) {
          officeOf.putIfAbsent(user, name);
        }
      }
    }
    return officeOf;
  }

  /** The members of a user group; {@code example} is the command shown if the group is gone. */
  private List<String> groupMembers(String team, ProgramType.Side group, String example) throws SlackCallException {
    try {
      return userGroups.members(team, group.ref());
    } catch (SlackCallException e) {
      if (e.kind() != SlackCallException.Kind.API_ERROR) {
        throw e;
      }
      throw new UserError("I can't find the user group " + group.describe() + " (" + Mrkdwn.code(e.error())
          + "). Check it still exists in Slack, or mention another. Example: `" + example + "`");
    }
  }

  /** A user group typed by handle (in the settings form) looked up by it; others as they are. */
  private ProgramType.Side resolve(String team, ProgramType.Side side, String example) throws SlackCallException {
    if (side.kind() != ProgramType.SideKind.USERGROUP || side.ref() != null) {
      return side;
    }
    Optional<UserGroups.Group> found = userGroups.byHandle(team, side.value());
    if (found.isPresent()) {
      return new ProgramType.Side(ProgramType.SideKind.USERGROUP, found.get().id(), found.get().handle());
    }
    throw new UserError("I can't find a user group with the handle @" + Mrkdwn.escape(side.value()) + ". Check its "
        + "handle in Slack (People › User groups). Example: `" + example + "`");
  }
}
