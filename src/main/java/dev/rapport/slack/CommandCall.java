package dev.rapport.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

/**
 * One slash command, after the router has taken the subcommand word off: {@link #args} is the rest of
 * the text. {@link #triggerId} opens modals.
 */
public record CommandCall(Caller caller, String command, String subcommand, String args, String triggerId,
                          String responseUrl) {

  public CommandCall {
    args = args == null ? "" : args.trim();
  }

  static CommandCall of(SlashCommandPayload payload, String subcommand, String args) {
    Caller caller = new Caller(payload.getTeamId(), payload.getUserId(), payload.getChannelId());
    return new CommandCall(caller, payload.getCommand(), subcommand, args, payload.getTriggerId(),
        payload.getResponseUrl());
  }
}
