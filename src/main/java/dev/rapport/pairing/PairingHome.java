package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.slack.HomeSection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Home tab's coffee part: the user's programs, next round and current group, with pause/resume. */
@Component
class PairingHome implements HomeSection {

  private final MyCoffee mine;

  PairingHome(MyCoffee mine) {
    this.mine = mine;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public List<LayoutBlock> render(String team, String user) {
    List<MyCoffee.Membership> memberships = mine.memberships(team, user);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(":coffee: Your coffee pairing"))));
    if (memberships.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("You're not in any coffee pairing yet. Join a channel that has "
          + "one, or ask HR to start one with `/coffee start`."))));
      return blocks;
    }
    for (MyCoffee.Membership m : memberships) {
      StringBuilder text = new StringBuilder("*<#" + m.program().channel() + ">* — " + m.program().describe());
      m.nextRound().ifPresent(next -> text.append("\nNext round: ").append(Intros.when(next)));
      m.currentGroup().ifPresent(g -> text.append("\nYour group: ").append(Intros.mentions(g.others())));
      text.append("\n").append(MyCoffee.state(m));
      boolean paused = m.pausedUntil().isPresent();
      String channel = m.program().channel();
      blocks.add(section(s -> s.text(markdownText(text.toString())).accessory(m.left() ? null : paused
          ? button(b -> b.actionId(CoffeeCommand.HOME_RESUME).value(channel).text(plainText("Resume")))
          : button(b -> b.actionId(CoffeeCommand.HOME_PAUSE).value(channel).text(plainText("Pause 2 weeks"))))));
    }
    return blocks;
  }
}
