package dev.rapport.prompts;

import com.slack.api.bolt.App;
import dev.rapport.slack.AccessPolicy;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.Subcommand;
import dev.rapport.slack.UserError;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Admins curate the workspace's library: {@code /empathy add}, {@code remove} and {@code list}. */
@Component
class LibraryCommands implements SlackFeature {

  private final PromptLibrary library;
  private final WorkspacePrompts workspace;
  private final AccessPolicy access;
  private final AnswerLater later;
  private final PromptSettings settings;

  LibraryCommands(PromptLibrary library, WorkspacePrompts workspace, AccessPolicy access, AnswerLater later,
                  PromptSettings settings) {
    this.library = library;
    this.workspace = workspace;
    this.access = access;
    this.later = later;
    this.settings = settings;
  }

  @Override
  public List<Subcommand> subcommands() {
    return List.of(
        Subcommand.admin("/empathy", "add", "<strategy> <text> [| why it helps]",
            "Add your own prompt to this workspace's library", this::add),
        Subcommand.admin("/empathy", "remove", "<id>",
            "Never post a prompt again in this workspace (ids are in `/empathy list`)", this::remove),
        Subcommand.admin("/empathy", "list", "[strategy]", "Browse the prompts, a page at a time", this::list));
  }

  @Override
  public void register(App app) {
    app.blockAction(Pattern.compile("^(" + ListPage.PREVIOUS + "|" + ListPage.NEXT + ")$"), (req, ctx) -> {
      String team = req.getPayload().getTeam().getId();
      String user = req.getPayload().getUser().getId();
      String value = req.getPayload().getActions().get(0).getValue();
      later.answer("/empathy list page", req.getPayload().getResponseUrl(), () -> (access.isAdmin(team, user)
          ? page(team, ListPage.Position.parse(value))
          : Reply.text(":lock: Only Rapport admins can browse the prompt list — " + access.askAnAdmin(team) + "."))
          .replacingOriginal());
      return ctx.ack();
    });
  }

  Reply add(CommandCall call) {
    String team = call.caller().team();
    String[] parts = call.args().split("\\s+", 2);
    if (call.args().isEmpty()) {
      throw new UserError(":pencil2: Usage: `/empathy add &lt;strategy&gt; &lt;text&gt; [| why it helps]`, e.g. "
          + "`/empathy add listening What's a question you wish people asked you more often?`. Strategies: "
          + Strategy.choices() + ".");
    }
    Strategy strategy = Strategy.require(parts[0]);
    if (parts.length < 2) {
      throw new UserError(":pencil2: What should the prompt ask? e.g. `/empathy add " + strategy.id()
          + " What's a small win from this week?`");
    }
    String body = parts[1];
    // " | " separates the why; a bare "|" only when there is no spaced one (a link's or group's label has one).
    int spaced = body.indexOf(" | ");
    int bar = spaced >= 0 ? spaced + 1 : body.lastIndexOf('|');
    String text = PromptText.fromCommand(bar < 0 ? body : body.substring(0, bar), "prompt");
    String why = bar < 0 ? strategy.defaultWhy() : PromptText.fromCommand(body.substring(bar + 1), "why");
    library.sameText(team, text).ifPresent(same -> {
      throw new UserError(":repeat: That prompt is already in the library as `" + same.id() + "`.");
    });
    Prompt prompt = workspace.add(team, strategy, text, why);
    return Reply.text(":white_check_mark: Added `" + prompt.id() + "` to *" + strategy.label() + "*: “"
        + Mrkdwn.escape(text) + "”\nIt joins the rotation in every channel of this workspace. Remove it "
        + "with `/empathy remove " + prompt.id() + "`.");
  }

  Reply remove(CommandCall call) {
    String team = call.caller().team();
    String id = call.args().toLowerCase(Locale.ROOT);
    if (id.isEmpty() || id.contains(" ")) {
      throw new UserError(":pencil2: Which prompt? Use `/empathy remove &lt;id&gt;` with one id from "
          + "`/empathy list`, e.g. `/empathy remove listening-04`.");
    }
    Prompt prompt = library.find(team, id).orElseThrow(() -> new UserError(":mag: There's no prompt "
        + Mrkdwn.echo(id) + ". The ids are in `/empathy list`, e.g. `listening-04`."));
    if (!workspace.remove(team, id)) {
      return Reply.text("`" + id + "` was already removed, so nothing changed.");
    }
    int left = library.available(team, prompt.strategy()).size();
    String warning = left == 0 ? "\n:warning: That was the last one: scheduled *" + prompt.strategy().label()
        + "* prompts can't be posted until you add one (`/empathy add " + prompt.strategy().id()
        + " &lt;text&gt;`); admins get a DM when one is due." : "";
    return Reply.text(":wastebasket: Removed `" + id + "` (“" + Mrkdwn.escape(prompt.text()) + "”). It "
        + "won't be posted in this workspace again. " + left + " *" + prompt.strategy().label() + "* prompt"
        + (left == 1 ? "" : "s") + " left." + warning);
  }

  Reply list(CommandCall call) {
    String arg = call.args();
    Strategy strategy = arg.isEmpty() ? null : Strategy.require(arg);
    return page(call.caller().team(), new ListPage.Position(strategy, 1));
  }

  private Reply page(String team, ListPage.Position at) {
    Strategy strategy = at.strategy();
    int page = at.page();
    List<Prompt> prompts = library.available(team).stream()
        .filter(p -> strategy == null || p.strategy() == strategy).toList();
    // Ids start with their strategy ("listening-04", "listening-ws2"), so removed ones can be counted by it.
    long removed = workspace.removed(team).stream()
        .filter(id -> strategy == null || id.startsWith(strategy.id() + "-")).count();
    return ListPage.render(strategy, prompts, (int) removed, page, settings.pageSize(), library::isBuiltIn);
  }
}
