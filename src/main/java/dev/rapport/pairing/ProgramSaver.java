package dev.rapport.pairing;

import dev.rapport.people.Directory;
import dev.rapport.slack.BackgroundWork;
import dev.rapport.slack.ChannelMembership;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackDates;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Saves a program, from {@code /coffee start} or the settings form alike: Rapport must be in the channel (to see
 * who is in it and to post there), so that is checked before anything is saved, and so is its type (user groups,
 * sides, host: {@link ProgramShapes#check}); a new program is announced,
 * and the channel's members are read so {@code /coffee status} knows them before the first round.
 */
@Component
class ProgramSaver {

  private final ProgramStore programs;
  private final Directory directory;
  private final ChannelMembership membership;
  private final BackgroundWork work;
  private final Announcements announcements;
  private final ProgramShapes shapes;

  ProgramSaver(ProgramStore programs, Directory directory, ChannelMembership membership, BackgroundWork work,
               Announcements announcements, ProgramShapes shapes) {
    this.shapes = shapes;
    this.programs = programs;
    this.directory = directory;
    this.membership = membership;
    this.work = work;
    this.announcements = announcements;
  }

  /**
   * Saves {@code program} after checking Rapport is in the channel; {@code current} is the program it replaces,
   * if any. Returns the confirmation to show.
   */
  String save(String team, Program sent, Program current) throws SlackCallException {
    membership.require(team, sent.channel(), "Nothing was changed.");
    Program program = sent.withType(shapes.check(team, sent.channel(), sent.type()));
    Instant first = programs.save(team, program);
    if (current == null) {
      announcements.started(team, program, first);
    }
    // So /coffee status knows who is in the program before its first round.
    work.submit("read the members of a coffee channel", () ->
        programs.rememberMembers(team, program.channel(), directory.members(team, program.channel())));
    return ":white_check_mark: Coffee pairing is " + (current != null ? "updated" : "on") + " in <#"
        + program.channel() + ">: " + program.describe() + ".\nFirst round: " + SlackDates.moment(first) + ". "
        + (program.announce() ? "" : "Starts, rounds and stops are not announced in the channel. ")
        + "Members can `/coffee pause`, `/coffee leave` or `/coffee avoid @someone` any time; `/coffee settings` "
        + "changes it.";
  }
}
