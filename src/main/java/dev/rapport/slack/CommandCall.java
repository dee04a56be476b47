package dev.rapport.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import java.util.function.UnaryOperator;

/**
 * One slash command, after the router has taken the subcommand word off: {@link #args} is the rest of
 * the text. {@link #triggerId} opens modals.
 */
public record CommandCall(Caller caller, String command, String subcommand, String args, String triggerId,
                          String responseUrl) {

  public CommandCall {
    args = args == null ? "" : args.trim();
  }

  /**
   * The channel the command was typed in. Typed in a direct message, it is refused with a friendly answer:
   * {@code elsewhere} gets the command and subcommand as typed, in code format, and says where to run it
   * instead. The one check every feature's "run it in a channel" goes through.
   */
  public String requireChannel(UnaryOperator<String> elsewhere) {
    if (caller.inDirectMessage()) {
      throw new UserError(elsewhere.apply("`" + (command + " " + subcommand).trim() + "`"));
    }
    return caller.channel();
  }

  static CommandCall of(SlashCommandPayload payload, String subcommand, String args) {
    Caller caller = new Caller(payload.getTeamId(), payload.getUserId(), payload.getChannelId());
    return new CommandCall(caller, payload.getCommand(), subcommand, args, payload.getTriggerId(),
        payload.getResponseUrl());
  }
}
