package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.BlockElement;
import dev.rapport.slack.HomeSection;
import dev.rapport.slack.SlackDates;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Home tab's coffee part for everyone: the person's programs, next round and current group, with
 * pause/resume and leave/join buttons, and their private do-not-pair list with a button to change it.
 */
@Component
class PairingHome implements HomeSection {

  /** Programs shown; the rest are named by count ({@code /coffee status} lists all). */
  static final int MAX_PROGRAMS = 15;

  private final MyCoffee mine;
  private final ChoiceStore choices;

  PairingHome(MyCoffee mine, ChoiceStore choices) {
    this.mine = mine;
    this.choices = choices;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String readInFull() {
    return "`/coffee status`";
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
    for (MyCoffee.Membership m : memberships.subList(0, Math.min(memberships.size(), MAX_PROGRAMS))) {
      StringBuilder text = new StringBuilder("*<#" + m.program().channel() + ">* — " + m.program().describe());
      m.nextRound().ifPresent(next -> text.append("\nNext round: ").append(SlackDates.moment(next)));
      m.currentGroup().ifPresent(g -> text.append("\nYour group: ").append(Names.mentions(g.others())));
      text.append("\n").append(MyCoffee.state(m));
      blocks.add(section(s -> s.text(markdownText(text.toString()))));
      blocks.add(actions(a -> a.elements(buttons(m))));
    }
    if (memberships.size() > MAX_PROGRAMS) {
      int more = memberships.size() - MAX_PROGRAMS;
      blocks.add(context(List.of(markdownText("And " + more + " more: `/coffee status` lists them all."))));
    }
    String avoided = AvoidModal.describe(choices.avoided(team, user));
    blocks.add(section(s -> s.text(markdownText(":shushing_face: *Your private do-not-pair list:* " + avoided
            + ". Only you can see it."))
        .accessory(button(b -> b.actionId(AvoidForm.OPEN).value("avoid").text(plainText("Change"))))));
    return blocks;
  }

  private static List<BlockElement> buttons(MyCoffee.Membership m) {
    String channel = m.program().channel();
    if (m.left()) {
      return List.of(button(b -> b.actionId(HomeControls.JOIN).value(channel).style("primary")
          .text(plainText("Join again"))));
    }
    ConfirmationDialogObject confirm = ConfirmationDialogObject.builder().title(plainText("Leave this program?"))
        .text(plainText("You won't be in its rounds until you join again. Your history and choices are kept."))
        .confirm(plainText("Leave")).deny(plainText("Stay")).build();
    return List.of(
        m.pausedUntil().isPresent()
            ? button(b -> b.actionId(HomeControls.RESUME).value(channel).text(plainText("Resume")))
            : button(b -> b.actionId(HomeControls.PAUSE).value(channel).text(plainText("Pause 2 weeks"))),
        button(b -> b.actionId(HomeControls.LEAVE).value(channel).text(plainText("Leave")).confirm(confirm)));
  }
}
