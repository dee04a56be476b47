package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.slack.AccessPolicy;
import dev.rapport.slack.HomeSection;
import dev.rapport.slack.SlackDates;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Home tab's part for Rapport admins: the workspace's coffee programs, each with its cadence, next round
 * and how its latest round went. Reads are bounded: at most {@link #MAX_PROGRAMS} programs, one round each.
 * What failed to be delivered is its own section ({@code outbox}), for every feature.
 */
@Component
class AdminHome implements HomeSection {

  static final int MAX_PROGRAMS = 20;

  private final AccessPolicy access;
  private final ProgramStore programs;
  private final PairingStats stats;

  AdminHome(AccessPolicy access, ProgramStore programs, PairingStats stats) {
    this.access = access;
    this.programs = programs;
    this.stats = stats;
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public String readInFull() {
    return "`/coffee stats`";
  }

  @Override
  public List<LayoutBlock> render(String team, String user) {
    List<String> channels = programs.channels(team).stream().sorted().toList();
    if (channels.isEmpty() || !access.isAdmin(team, user)) {
      return List.of();
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(":gear: Coffee programs (you're a Rapport admin)"))));
    for (String channel : channels.subList(0, Math.min(channels.size(), MAX_PROGRAMS))) {
      programs.find(team, channel).ifPresent(program -> blocks.add(section(s -> s.text(markdownText(
          describe(team, program))))));
    }
    String more = channels.size() > MAX_PROGRAMS ? "And " + (channels.size() - MAX_PROGRAMS) + " more programs. "
        : "";
    blocks.add(context(List.of(markdownText(more + "In a program's channel, `/coffee stats` has the full "
        + "figures and `/coffee settings` changes it."))));
    return blocks;
  }

  private String describe(String team, Program program) {
    String channel = program.channel();
    StringBuilder text = new StringBuilder("*<#" + channel + ">* — " + program.describe()
        + (program.announce() ? "" : ", not announced in the channel"));
    programs.nextRound(team, channel).ifPresent(next -> text.append("\nNext round: ").append(SlackDates.moment(next)));
    stats.lastRound(team, channel).ifPresentOrElse(last -> {
      int people = last.round().groups().stream().mapToInt(List::size).sum();
      text.append("\nLast round: ").append(SlackDates.moment(last.round().at())).append(", ");
      text.append(last.round().groups().isEmpty() ? "nobody could be paired"
          : people + " people in " + last.round().groups().size() + " groups");
      if (last.asked() > 0) {
        text.append("; ").append(last.met()).append(" of ").append(last.asked()).append(" said they met (")
            .append(Math.round(100.0 * last.met() / last.asked())).append("%) so far");
      }
    }, () -> text.append("\nNo round yet."));
    return text.toString();
  }
}
