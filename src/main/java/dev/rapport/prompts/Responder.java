package dev.rapport.prompts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers a slash command later, through its {@code response_url}, when work it started in the background
 * fails. (To be replaced by a shared {@code SlackGateway#respond} once the gateway has one.)
 */
@Component
class Responder {

  private static final Logger log = LoggerFactory.getLogger(Responder.class);

  private final Slack slack;
  private final ObjectMapper json;

  Responder(Slack slack, ObjectMapper json) {
    this.slack = slack;
    this.json = json;
  }

  /** An ephemeral message to whoever ran the command; failures are logged, not thrown. */
  void tell(String responseUrl, String text) {
    if (responseUrl == null || responseUrl.isBlank()) {
      return;
    }
    try {
      String body = json.writeValueAsString(Map.of("response_type", "ephemeral", "replace_original", false,
          "text", text));
      int status = slack.send(responseUrl, body).getCode();
      if (status >= 400) {
        log.warn("response_url answered HTTP {}", status);
      }
    } catch (IOException e) {
      log.warn("Could not answer through response_url ({})", e.getClass().getSimpleName());
    }
  }
}
