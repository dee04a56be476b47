package dev.rapport.slack;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The first part of the Home tab: what Rapport is, then each feature's own introduction of its command
 * ({@link SlashCommand#welcome()}), in the features' order.
 */
@Component
class WelcomeSection implements HomeSection {

  private final List<SlashCommand> commands;

  WelcomeSection(List<SlashCommand> commands) {
    this.commands = commands.stream().sorted(Comparator.comparingInt(SlashCommand::order)).toList();
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public List<LayoutBlock> render(String team, String user) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Welcome to Rapport :wave:"))));
    blocks.add(section(s -> s.text(markdownText(
        "Rapport helps colleagues build real connection at work. Connection grows from *active "
            + "listening*, *expressing empathy*, *sharing vulnerability* and *quality time*, and shows "
            + "up as trust, understanding, communication and belonging."))));
    for (SlashCommand command : commands) {
      blocks.add(section(s -> s.text(markdownText(command.welcome()))));
    }
    return blocks;
  }
}
