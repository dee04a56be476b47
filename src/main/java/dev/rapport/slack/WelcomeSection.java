package dev.rapport.slack;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import org.springframework.stereotype.Component;

/** The first part of the Home tab: what Rapport is and how to use it. */
@Component
class WelcomeSection implements HomeSection {

  @Override
  public int order() {
    return 0;
  }

  @Override
  public List<LayoutBlock> render(String team, String user) {
    return List.of(
        header(h -> h.text(plainText("Welcome to Rapport :wave:"))),
        section(s -> s.text(markdownText(
            "Rapport helps colleagues build real connection at work. Connection grows from *active "
                + "listening*, *expressing empathy*, *sharing vulnerability* and *quality time*, and shows "
                + "up as trust, understanding, communication and belonging."))),
        section(s -> s.text(markdownText(
            ":coffee: *Coffee pairing* — every round you meet someone new from a channel's program. "
                + "Try `/coffee status` or `/coffee help`."))),
        section(s -> s.text(markdownText(
            ":speech_balloon: *Empathy prompts* — questions that practise the four strategies, posted in "
                + "channels. Try `/empathy` in a channel or `/empathy help`."))),
        section(s -> s.text(markdownText(
            ":bar_chart: *Anonymous pulse* — four questions on how connected your team feels. Nobody, "
                + "not even admins, can see who answered what. Try `/pulse help`."))));
  }
}
