package dev.rapport.pulse;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.schedule.Cadence;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.HomeSection;
import dev.rapport.slack.SlackDates;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Home tab part of the pulse: for everyone, the open pulses they were invited to and haven't answered
 * (a button each, the same one as in the invitation); for pulse managers, the latest closed period of each team
 * they manage. Whether someone answered is worked out in memory from the hashes under the period key, only for
 * the person looking, and shown only to them.
 */
@Component
class PulseHome implements HomeSection {

  private static final int MAX_TEAMS = 20;
  /** Pulse channels looked at for an open period to answer. */
  private static final int MAX_CHANNELS = 100;

  private final PulseStore store;
  private final PulseKeys keys;
  private final PulseAnswers answers;
  private final Schedules schedules;
  private final PulseSettings settings;

  PulseHome(PulseStore store, PulseKeys keys, PulseAnswers answers, Schedules schedules, PulseSettings settings) {
    this.store = store;
    this.keys = keys;
    this.answers = answers;
    this.schedules = schedules;
    this.settings = settings;
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public String readInFull() {
    return "`/pulse report`";
  }

  @Override
  public List<LayoutBlock> render(String team, String user) {
    List<String> channels = store.channels(team).stream().sorted().toList();
    List<LayoutBlock> blocks = new ArrayList<>(toAnswer(team, user,
        channels.subList(0, Math.min(channels.size(), MAX_CHANNELS))));
    blocks.addAll(managed(team, user, channels));
    return blocks;
  }

  /** The open periods {@code user} was invited to and hasn't answered, each with its answer button. */
  private List<LayoutBlock> toAnswer(String team, String user, List<String> channels) {
    if (!keys.ready()) {
      return List.of();
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    for (String channel : channels) {
      Period open = answers.awaiting(team, user, channel);
      if (open == null) {
        continue;
      }
      Cadence cadence = schedules.get(team, PeriodJob.KIND, channel).map(Schedule::cadence).orElse(null);
      blocks.add(section(s -> s.text(markdownText(":bar_chart: The anonymous pulse for <#" + channel + "> is open "
          + "until " + SlackDates.moment(open.closes()) + ": four questions, about a minute. Nobody can see who "
          + "answered or what."))
          .accessory(PulseMessages.answerButton(channel, open.id(), cadence, true))));
    }
    if (!blocks.isEmpty()) {
      blocks.add(0, header(h -> h.text(plainText(":bar_chart: Your team pulse"))));
    }
    return blocks;
  }

  private List<LayoutBlock> managed(String team, String user, List<String> channels) {
    List<String> managed = channels.stream().filter(channel -> store.isManager(team, channel, user))
        .limit(MAX_TEAMS).toList();
    if (managed.isEmpty()) {
      return List.of();
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(":bar_chart: Pulse of the teams you manage"))));
    int k = settings.minResponses();
    for (String channel : managed) {
      PeriodResult latest = store.periods(team, channel, 3).stream().filter(Period::isClosed)
          .reduce((first, second) -> second).map(p -> store.result(team, channel, p, k)).orElse(null);
      String text = ReportView.summary(channel, latest, k);
      blocks.add(section(s -> s.text(markdownText(text))));
    }
    return blocks;
  }
}
