package dev.rapport.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dispatches the slash commands features declare ({@link SlashCommand}) to the subcommands they contribute.
 * {@code help} (and empty text, unless the feature has a default action) answers with the usage; an
 * unknown word answers with that word and the usage; admin subcommands are refused politely to others.
 * The answer is the ack itself when it needs nothing from Slack. When it does (a role not cached yet, a
 * modal, a channel to look at) the subcommand stops ({@link AnswerLater#ifOnAckPath}) before it changed anything:
 * the ack says so in a few words ("Checking…"), and the subcommand runs again right after, off the request
 * thread, answering through the command's {@code response_url} (or only its last step runs there, when the
 * subcommand said so with {@link AnswerLater#afterAck}). That ack carries the header
 * {@code X-Rapport-Answer: later}.
 */
final class CommandRouter {

  private final Map<String, Map<String, Subcommand>> subcommands = new LinkedHashMap<>();
  private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
  static final String LATER_HEADER = "X-Rapport-Answer";

  /** What to ack; {@code later} when the real answer follows on the response_url. */
  record Routed(Reply reply, boolean later) {}

  private final AccessPolicy access;
  private final MeterRegistry metrics;
  private final AnswerLater later;

  CommandRouter(List<SlashCommand> declared, List<Subcommand> all, AccessPolicy access, MeterRegistry metrics,
                AnswerLater later) {
    this.access = access;
    this.metrics = metrics;
    this.later = later;
    for (SlashCommand command : declared.stream().sorted(Comparator.comparingInt(SlashCommand::order)).toList()) {
      if (commands.putIfAbsent(command.name(), command) != null) {
        throw new IllegalStateException("two features declare " + command.name());
      }
      subcommands.put(command.name(), new LinkedHashMap<>());
    }
    for (Subcommand sub : all) {
      Map<String, Subcommand> forCommand = subcommands.get(sub.command());
      if (forCommand == null) {
        throw new IllegalStateException("no such command: " + sub.command());
      }
      if (forCommand.putIfAbsent(sub.name().toLowerCase(Locale.ROOT), sub) != null) {
        throw new IllegalStateException("two handlers for " + sub.command() + " " + sub.name());
      }
    }
  }

  void register(App app) {
    for (String command : subcommands.keySet()) {
      app.command(command, (req, ctx) -> {
        Routed routed = route(req.getPayload());
        Response response = ack(ctx, routed.reply());
        if (routed.later()) {
          Map<String, List<String>> headers = new LinkedHashMap<>();
          if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
          }
          headers.put(LATER_HEADER, List.of("later"));
          response.setHeaders(headers);
        }
        return response;
      });
    }
  }

  Routed route(SlashCommandPayload payload) {
    String command = payload.getCommand();
    String text = payload.getText() == null ? "" : payload.getText().trim();
    String[] parts = text.split("\\s+", 2);
    String word = parts[0].toLowerCase(Locale.ROOT);
    String rest = parts.length > 1 ? parts[1] : "";
    Map<String, Subcommand> known = subcommands.getOrDefault(command, Map.of());

    if (word.equals("help") || (word.isEmpty() && !known.containsKey(""))) {
      count(command, "help");
      return new Routed(usage(command, null), false);
    }
    Subcommand sub = known.get(word);
    if (sub == null) {
      count(command, "unknown");
      return new Routed(usage(command, parts[0]), false);
    }
    count(command, word.isEmpty() ? "default" : word);
    String what = (command + " " + word).trim();
    CommandCall call = CommandCall.of(payload, word, rest);
    try {
      return new Routed(run(sub, what, call), false);
    } catch (AnswerLater.Deferred deferred) {
      // Only what the subcommand left for after the ack (AnswerLater.afterAck), or the whole subcommand again.
      AnswerLater.Answer after = deferred.then() != null ? deferred.then() : () -> run(sub, what, call);
      try {
        later.answer(what, call.responseUrl(), after);
      } catch (BackgroundWork.Busy busy) {
        return new Routed(Reply.text(busy.getMessage()), false); // stopped before it changed anything
      }
      return new Routed(Reply.text(deferred.ack()), true);
    } catch (Exception e) {
      return new Routed(Reply.text(Failures.describe(what, e)), false);
    }
  }

  /** Checks the role, then runs the subcommand; stops on the ack path when it needs Slack. */
  private Reply run(Subcommand sub, String what, CommandCall call) throws Exception {
    if (sub.access() == Access.ADMIN && !access.isAdmin(call.caller().team(), call.caller().user())) {
      return Reply.text(":lock: Only Rapport admins can use `" + what + "`, so nothing was changed. To get it "
          + "done, " + access.askAnAdmin(call.caller().team()) + ".");
    }
    return sub.handler().handle(call);
  }

  /** The usage of {@code command}; when {@code unknownWord} is given, it leads with that word. */
  Reply usage(String command, String unknownWord) {
    StringBuilder text = new StringBuilder();
    if (unknownWord != null) {
      text.append(":thinking_face: I don't know ").append(Mrkdwn.echo(command + " " + unknownWord))
          .append(". Here is what `").append(command).append("` can do:\n\n");
    }
    text.append('*').append(command).append("* — ").append(commands.get(command).summary()).append('\n');
    // Everyday commands first; what only admins may do after them.
    for (Access level : List.of(Access.EVERYONE, Access.ADMIN)) {
      for (Subcommand sub : subcommands.getOrDefault(command, Map.of()).values()) {
        if (sub.access() == level) {
          text.append("• ").append(sub.usageLine()).append('\n');
        }
      }
    }
    text.append("• `").append(command).append(" help` — show this help");
    return Reply.text(text.toString());
  }

  private void count(String command, String subcommand) {
    metrics.counter("rapport.slack.commands", "command", command, "subcommand", subcommand).increment();
  }

  static Response ack(SlashCommandContext ctx, Reply reply) {
    if (reply.isNone()) {
      return ctx.ack();
    }
    SlashCommandResponse.SlashCommandResponseBuilder body = SlashCommandResponse.builder()
        .responseType("ephemeral")
        .text(reply.text());
    if (!reply.blocks().isEmpty()) {
      body.blocks(reply.blocks());
    }
    return ctx.ack(body.build());
  }
}
