package dev.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Connects the same {@link App} over Socket Mode when {@code SLACK_APP_TOKEN} is set: local use with no
 * public URL. A failed connection is logged in one line; the HTTP side keeps working.
 */
final class SocketModeRunner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);

  private final App app;
  private final SlackSettings settings;
  private volatile SocketModeApp socketMode;

  SocketModeRunner(App app, SlackSettings settings) {
    this.app = app;
    this.settings = settings;
  }

  @Override
  public void start() {
    if (settings.mode() != SlackSettings.Mode.SOCKET_MODE) {
      return;
    }
    try {
      socketMode = new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
      socketMode.startAsync();
      log.info("Connected to Slack over Socket Mode.");
    } catch (Exception e) {
      log.error("Could not connect over Socket Mode ({}): check SLACK_APP_TOKEN (xapp-...) and that "
          + "Socket Mode is on for the app.", e.getClass().getSimpleName());
    }
  }

  @Override
  public void stop() {
    SocketModeApp running = socketMode;
    socketMode = null;
    if (running != null) {
      try {
        running.stop();
      } catch (Exception e) {
        log.debug("Socket Mode stop: {}", e.getClass().getSimpleName());
      }
    }
  }

  @Override
  public boolean isRunning() {
    return socketMode != null;
  }
}
