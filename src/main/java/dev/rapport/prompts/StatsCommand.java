package dev.rapport.prompts;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.Subcommand;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /empathy stats} (admins): per strategy over the last 8 weeks, prompts posted, replies, distinct
 * repliers, reactions and the three prompts with the most replies, plus where prompts are scheduled.
 */
@Component
class StatsCommand implements SlackFeature {

  private final PromptPosts posts;
  private final PromptLibrary library;
  private final Schedules schedules;

  StatsCommand(PromptPosts posts, PromptLibrary library, Schedules schedules) {
    this.posts = posts;
    this.library = library;
    this.schedules = schedules;
  }

  @Override
  public List<Subcommand> subcommands() {
    return List.of(Subcommand.admin("/empathy", "stats", "", "How people engaged with prompts in the last "
        + PromptPosts.WEEKS + " weeks", this::stats));
  }

  Reply stats(CommandCall call) {
    String team = call.caller().team();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Empathy prompts: the last " + PromptPosts.WEEKS + " weeks"))));
    StringBuilder fallback = new StringBuilder("Empathy prompts, last " + PromptPosts.WEEKS + " weeks:");
    for (PromptPosts.StrategyStats s : posts.lastWeeks(team, PromptPosts.WEEKS)) {
      String line = s.posted() + " posted · " + s.replies() + " repl" + (s.replies() == 1 ? "y" : "ies")
          + " from " + s.repliers() + (s.repliers() == 1 ? " person" : " people") + " · " + s.reactions()
          + " reaction" + (s.reactions() == 1 ? "" : "s");
      StringBuilder text = new StringBuilder(s.strategy().emoji() + " *" + s.strategy().label() + "* — " + line);
      for (int i = 0; i < s.top().size(); i++) {
        PromptPosts.Top top = s.top().get(i);
        String words = library.find(team, top.promptId()).map(p -> Mrkdwn.escape(p.text()))
            .orElse("(a prompt no longer in the library)");
        text.append("\n").append(i + 1).append(". ").append(words).append(" `").append(top.promptId())
            .append("` — ").append(top.replies()).append(top.replies() == 1 ? " reply" : " replies");
      }
      blocks.add(section(sec -> sec.text(markdownText(text.toString()))));
      fallback.append(' ').append(s.strategy().label()).append(": ").append(line).append('.');
    }
    List<Schedule> scheduled = schedules.all(team, PromptJob.KIND);
    String where = scheduled.isEmpty() ? "No channel has scheduled prompts; start them with `/empathy start`."
        : "Scheduled in " + String.join(", ", scheduled.stream().limit(10).map(s -> "<#" + s.target() + "> "
            + s.cadence().describe() + (s.data().containsKey("strategy") ? " (" + s.data().get("strategy") + ")"
            : "")).toList()) + (scheduled.size() > 10 ? " and " + (scheduled.size() - 10) + " more" : "") + ".";
    blocks.add(context(c -> c.elements(List.of(markdownText("Counts only: Rapport never stores what anyone "
        + "wrote. Replies and reactions count towards the week their prompt was posted. " + where)))));
    return Reply.blocks(fallback.toString(), blocks);
  }
}
