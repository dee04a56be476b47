package dev.rapport.slack;

import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every key family {@code slack/} writes ({@link Installations}, {@link EventDedupe}, {@link Replays},
 * {@link OAuthStates}), and whom each can name: nobody (the installation is sealed). The shared ones name no
 * workspace; a workspace's own go with it when it uninstalls ({@link Uninstalls}).
 */
@Component
class SlackKeyLayout implements KeyLayout {

  @Override
  public List<KeyFamily> keyFamilies() {
    return List.of(
        KeyFamily.of("rapport:{team}:install:bot"),
        KeyFamily.of("rapport:{team}:install:rotating"),
        KeyFamily.of("rapport:{team}:events:seen:{event_id}"),
        KeyFamily.of("rapport:{requests}:seen:{signature}"),
        KeyFamily.of("rapport:{oauth}:state:{state}"));
  }
}
