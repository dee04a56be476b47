package dev.rapport.slack;

import com.slack.api.bolt.model.Bot;
import org.springframework.stereotype.Component;

/**
 * The bot token for a workspace: {@code SLACK_BOT_TOKEN} for a single-workspace install, or the
 * workspace's installation (OAuth), which {@link Installations} rotates before it expires.
 */
@Component
class Tokens implements TokenSource {

  private final SlackSettings settings;
  private final Installations installations;

  Tokens(SlackSettings settings, Installations installations) {
    this.settings = settings;
    this.installations = installations;
  }

  @Override
  public String botToken(String team) {
    if (settings.mode() != SlackSettings.Mode.OAUTH) {
      if (settings.botToken() == null) {
        throw new NotInstalledException(team);
      }
      return settings.botToken();
    }
    Bot bot = installations.findBot(null, team);
    if (bot == null) {
      throw new NotInstalledException(team);
    }
    return bot.getBotAccessToken();
  }
}
