package dev.rapport.prompts;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.rapport.outbox.Outbox;
import dev.rapport.outbox.Undelivered;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.Subcommand;
import dev.rapport.slack.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code /empathy stats} (admins): per strategy over the last 8 weeks, prompts posted, replies, distinct
 * repliers, reactions and the three prompts with the most replies, and scheduled prompts Slack refused, in
 * plain words. In a channel it shows that channel's; {@code /empathy stats all} (or in a DM) the whole
 * workspace's, with where prompts are scheduled.
 */
@Component
class StatsCommand implements SlackFeature {

  static final int MAX_CHANNELS = 10;

  private final PromptPosts posts;
  private final PromptLibrary library;
  private final Schedules schedules;
  private final Outbox outbox;
  private final Clock clock;

  StatsCommand(PromptPosts posts, PromptLibrary library, Schedules schedules, Outbox outbox, Clock clock) {
    this.posts = posts;
    this.library = library;
    this.schedules = schedules;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public List<Subcommand> subcommands() {
    return List.of(Subcommand.admin("/empathy", "stats", "[all]", "How people engaged with prompts in this channel "
        + "in the last " + PromptPosts.WEEKS + " weeks (`all`: the whole workspace)", this::stats));
  }

  Reply stats(CommandCall call) {
    String team = call.caller().team();
    String channel = channel(call);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Empathy prompts " + (channel == null ? "in the whole workspace"
        : "in this channel") + ": the last " + PromptPosts.WEEKS + " weeks"))));
    StringBuilder fallback = new StringBuilder("Empathy prompts" + (channel == null ? "" : " in <#" + channel
        + ">") + ", last " + PromptPosts.WEEKS + " weeks:");
    for (PromptPosts.StrategyStats s : posts.lastWeeks(team, channel, PromptPosts.WEEKS)) {
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
    String problems = problems(team, channel);
    if (!problems.isEmpty()) {
      blocks.add(section(sec -> sec.text(markdownText(":warning: *Posting problems*\n" + problems))));
      fallback.append(" Posting problems: ").append(problems);
    }
    String where = channel == null ? scheduled(team) : "This is <#" + channel + "> only; for the whole "
        + "workspace: `/empathy stats all`.";
    blocks.add(context(c -> c.elements(List.of(markdownText("Counts only: Rapport never stores what anyone "
        + "wrote. Replies and reactions count towards the week their prompt was posted. " + where)))));
    return Reply.blocks(fallback.toString(), blocks);
  }

  /** The channel whose stats were asked for, or null for the whole workspace. */
  private static String channel(CommandCall call) {
    String arg = call.args().toLowerCase();
    if (arg.equals("all")) {
      return null;
    }
    if (!arg.isEmpty()) {
      throw new UserError(":thinking_face: `/empathy stats` shows this channel's prompts and `/empathy stats all` "
          + "the whole workspace's; I didn't understand " + Mrkdwn.echo(call.args()) + ".");
    }
    return call.caller().inDirectMessage() ? null : call.caller().channel();
  }

  /** Prompts (and notices) Slack refused in the period, in plain words; "" when none. */
  private String problems(String team, String channel) {
    Instant since = clock.instant().minus(Duration.ofDays(7L * PromptPosts.WEEKS));
    if (channel != null) {
      return outbox.undelivered(team, PromptJob.FEATURE, channel, since).inWords("posted");
    }
    List<String> lines = new ArrayList<>();
    Map<String, Undelivered> found = outbox.undeliveredByChannel(team, PromptJob.FEATURE, since);
    found.entrySet().stream().limit(MAX_CHANNELS).forEach(e -> lines.add("• " + (e.getKey() == null
        ? "Messages to people: " : "<#" + e.getKey() + ">: ") + e.getValue().inWords(e.getKey() == null
        ? "delivered" : "posted")));
    if (found.size() > MAX_CHANNELS) {
      lines.add("• and " + (found.size() - MAX_CHANNELS) + " more channels; `/empathy stats` in each shows its own.");
    }
    return String.join("\n", lines);
  }

  private String scheduled(String team) {
    List<Schedule> scheduled = schedules.all(team, PromptJob.KIND);
    return scheduled.isEmpty() ? "No channel has scheduled prompts; start them with `/empathy start`."
        : "Scheduled in " + String.join(", ", scheduled.stream().limit(MAX_CHANNELS).map(s -> "<#" + s.target()
            + "> " + s.cadence().describe() + (s.data().containsKey("strategy") ? " (" + s.data().get("strategy")
            + ")" : "")).toList()) + (scheduled.size() > MAX_CHANNELS ? " and " + (scheduled.size() - MAX_CHANNELS)
            + " more" : "") + ".";
  }
}
