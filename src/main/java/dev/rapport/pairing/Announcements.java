package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.slack.SlackDates;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Short posts in a program's channel, as Donut makes them: pairing starts, a round was made, pairing stops.
 * The first intro should not be how people learn a program exists. They go through the outbox (a channel
 * post; Rapport must be in the channel, which {@link ProgramAdmin} checks when a program is saved) and only
 * when the program announces. A round's post says how many met up in groups, never who was left out or why.
 */
@Component
class Announcements {

  private final ProgramStore programs;
  private final Outbox outbox;
  private final Clock clock;

  Announcements(ProgramStore programs, Outbox outbox, Clock clock) {
    this.programs = programs;
    this.outbox = outbox;
    this.clock = clock;
  }

  void started(String team, Program program, Instant first) {
    if (!program.announce()) {
      return;
    }
    post(team, program.channel(), "start:" + clock.millis(), ":coffee: *Coffee pairing is starting in this "
        + "channel!* Every round, Rapport puts the members of <#" + program.channel() + "> in small groups with "
        + "someone new for a chat: " + program.describe() + ". The first round is " + SlackDates.moment(first)
        + "; each group gets a DM with an icebreaker. Not up for it? `/coffee leave` here, or `/coffee pause 2w` "
        + "to skip a few rounds.");
  }

  /** After a round was made (again, when its occurrence ran twice: the post's key makes it one post). */
  void roundMade(String team, String channel, Round round) {
    Program program = programs.find(team, channel).orElse(null);
    if (program == null || !program.announce() || round.groups().isEmpty()) {
      return;
    }
    int people = round.groups().stream().mapToInt(List::size).sum();
    Instant next = programs.nextRound(team, channel).filter(at -> at.isAfter(round.at()))
        .orElseGet(() -> program.cadence().next(round.at()));
    int groups = round.groups().size();
    post(team, channel, round.id(), ":coffee: *New coffee round!* " + people + " people in "
        + groups + (groups == 1 ? " group" : " groups") + " — check your DMs for your group and an icebreaker. "
        + "Next round: " + SlackDates.moment(next) + ".");
  }

  void stopped(String team, Program program) {
    if (!program.announce()) {
      return;
    }
    post(team, program.channel(), "stop:" + clock.millis(), ":coffee: Coffee pairing has stopped in this "
        + "channel. Thanks to everyone who made time to meet! Your history is kept, and an admin can start it "
        + "again with `/coffee start`.");
  }

  /** Every announcement's key is {@code pairing:<channel>:announce:<what>}, so its failures name it. */
  private void post(String team, String channel, String what, String text) {
    outbox.send(Delivery.post(team, channel, "pairing:" + channel + ":announce:" + what, text,
        List.of(section(s -> s.text(markdownText(text))))).about("pairing", channel, "announcement"));
  }
}
