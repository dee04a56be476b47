package dev.rapport.pulse;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.slack.HomeSection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Home tab part for pulse managers: the latest closed period of each team they manage. */
@Component
class PulseHome implements HomeSection {

  private static final int MAX_TEAMS = 20;

  private final PulseStore store;
  private final PulseSettings settings;

  PulseHome(PulseStore store, PulseSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public List<LayoutBlock> render(String team, String user) {
    List<String> managed = store.channels(team).stream().sorted()
        .filter(channel -> store.isManager(team, channel, user)).limit(MAX_TEAMS).toList();
    if (managed.isEmpty()) {
      return List.of();
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(":bar_chart: Pulse of the teams you manage"))));
    int k = settings.minResponses();
    for (String channel : managed) {
      PeriodResult latest = store.periods(team, channel, 3).stream().filter(Period::isClosed)
          .reduce((first, second) -> second).map(p -> store.result(team, channel, p, k)).orElse(null);
      String text = ReportView.summary(channel, latest, store.config(team, channel).zone(), k);
      blocks.add(section(s -> s.text(markdownText(text))));
    }
    return blocks;
  }
}
