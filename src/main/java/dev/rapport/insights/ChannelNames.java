package dev.rapport.insights;

import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Channel names for what is read outside Slack (chart titles, file names, the dashboard), which can't show a
 * {@code <#C…>} link. Never called on the ack path. Kept in memory for 10 minutes (at most 5,000 names); the
 * channel id stands in when Slack won't say.
 */
@Component
public class ChannelNames {

  private static final Duration KEEP = Duration.ofMinutes(10);
  private static final int MAX = 5_000;

  private record Known(String name, Instant at) {}

  private final SlackGateway slack;
  private final Clock clock;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  ChannelNames(SlackGateway slack, Clock clock) {
    this.slack = slack;
    this.clock = clock;
  }

  /** "#design", or the id when Slack doesn't answer. */
  public String of(String team, String channel) {
    String key = team + ":" + channel;
    Known hit = known.get(key);
    if (hit != null && hit.at().plus(KEEP).isAfter(clock.instant())) {
      return hit.name();
    }
    String name = channel;
    try {
      String found = slack.call(team, "conversations.info", c -> c.conversationsInfo(r -> r.channel(channel)))
          .getChannel().getName();
      if (found != null && !found.isBlank()) {
        name = "#" + found;
      }
    } catch (SlackCallException | RuntimeException e) {
      return name;
    }
    if (known.size() >= MAX) {
      known.clear();
    }
    known.put(key, new Known(name, clock.instant()));
    return name;
  }

  /** A name as a file name: letters, digits, '-' and '_' only. */
  static String fileName(String name) {
    String safe = name.replace("#", "").replaceAll("[^\\p{L}\\p{N}_-]", "-");
    return safe.isBlank() ? "program" : safe;
  }
}
