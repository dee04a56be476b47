package dev.rapport.slack;

/**
 * A subcommand a feature plugs into a slash command a feature declares ({@link SlashCommand}). {@code name} is
 * the word after the command; an empty name is the command's default action for empty text (otherwise
 * empty text shows the usage). Help lists only subcommands that exist.
 *
 * @param args how the arguments look in the usage, e.g. {@code "<cadence> [size 2|3|4]"}
 */
public record Subcommand(String command, String name, String args, String description, Access access,
                         Handler handler) {

  /** Handles one call; throws {@link UserError} for input it can't use. */
  @FunctionalInterface
  public interface Handler {
    Reply handle(CommandCall call) throws Exception;
  }

  public Subcommand {
    if (!command.startsWith("/")) {
      throw new IllegalArgumentException("a slash command starts with /: " + command);
    }
    args = args == null ? "" : args;
  }

  public static Subcommand everyone(String command, String name, String args, String description,
                                    Handler handler) {
    return new Subcommand(command, name, args, description, Access.EVERYONE, handler);
  }

  public static Subcommand admin(String command, String name, String args, String description,
                                 Handler handler) {
    return new Subcommand(command, name, args, description, Access.ADMIN, handler);
  }

  String usageLine() {
    String words = (command + " " + name + " " + args).replaceAll("\\s+", " ").trim();
    String who = access == Access.ADMIN ? " _(admins)_" : "";
    return "`" + Mrkdwn.escape(words) + "` — " + description + who;
  }
}
