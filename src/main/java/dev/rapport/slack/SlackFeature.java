package dev.rapport.slack;

import com.slack.api.bolt.App;
import java.util.List;

/**
 * A feature's way into Slack: its subcommands (the router adds them to the usage and dispatches to them)
 * and any other listeners (buttons, modals, events) it registers on the one {@link App}. {@code slack/}
 * knows no feature; a feature is one folder to read.
 */
public interface SlackFeature {

  default List<Subcommand> subcommands() {
    return List.of();
  }

  default void register(App app) {}
}
