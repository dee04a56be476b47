package dev.rapport.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says in one line how this deployment reaches Slack, or how to connect it when it can't. */
@Component
class StartupReport {

  static final String HOW_TO_CONNECT = "Rapport is running but not connected to Slack. Create the app "
      + "from manifest.yml, then set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP at /slack/events), "
      + "add SLACK_APP_TOKEN for Socket Mode, or set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install "
      + "it in several workspaces. See the README.";

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final SlackSettings settings;

  StartupReport(SlackSettings settings) {
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    switch (settings.mode()) {
      case NOT_CONNECTED -> log.warn(HOW_TO_CONNECT);
      case HTTP -> log.info("Rapport is listening for Slack on POST {} (Web API at {}).",
          SlackWiring.EVENTS_PATH, settings.apiUrl());
      case SOCKET_MODE -> log.info("Rapport is connecting to Slack over Socket Mode (Web API at {}).",
          settings.apiUrl());
      case OAUTH -> log.info("Rapport is installable in several workspaces at {} (events on POST {}).",
          settings.installPath(), SlackWiring.EVENTS_PATH);
    }
  }
}
