package dev.rapport.prompts;

import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Answers a slash command later, through its {@code response_url}, when work it started in the background fails. */
@Component
class Responder {

  private static final Logger log = LoggerFactory.getLogger(Responder.class);

  private final SlackGateway slack;

  Responder(SlackGateway slack) {
    this.slack = slack;
  }

  /** An ephemeral message to whoever ran the command; failures are logged, not thrown. */
  void tell(String responseUrl, String text) {
    if (responseUrl == null || responseUrl.isBlank()) {
      return;
    }
    try {
      slack.respond(responseUrl, Reply.text(text));
    } catch (SlackCallException e) {
      log.warn("Could not answer through response_url ({})", e.error());
    }
  }
}
