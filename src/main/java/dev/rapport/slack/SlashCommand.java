package dev.rapport.slack;

/**
 * A slash command a feature owns, declared as a bean in that feature: the router answers it, heads its usage
 * with {@code summary}, and the Home tab's welcome introduces it with {@code welcome}. Features contribute its
 * subcommands through {@link SlackFeature#subcommands()}; {@code slack/} names no command of its own.
 *
 * @param name    the command, e.g. {@code "/command"} (as the app manifest declares it)
 * @param order   where it comes among the commands, in the welcome (lower first)
 * @param summary one line that heads the command's usage
 * @param welcome the command's paragraph in the Home tab's welcome (mrkdwn)
 */
public record SlashCommand(String name, int order, String summary, String welcome) {

  public SlashCommand {
    if (name == null || !name.startsWith("/")) {
      throw new IllegalArgumentException("a slash command starts with /: " + name);
    }
  }
}
