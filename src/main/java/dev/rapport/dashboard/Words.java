package dev.rapport.dashboard;

import dev.rapport.insights.ChannelNames;
import dev.rapport.people.Directory;
import dev.rapport.people.Profile;
import dev.rapport.people.Profiles;
import dev.rapport.slack.Mrkdwn;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What the pages say about channels, people and times, for a browser: names instead of Slack's {@code <#C…>} and
 * {@code <@U…>}, times in the viewer's Slack time zone. Templates escape whatever this returns.
 */
@Component
class Words {

  private static final Pattern SLACK_REF = Pattern.compile("<([#@])([A-Z0-9]+)(?:\\|[^>]*)?>");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final ChannelNames channels;
  private final Directory directory;
  private final Profiles profiles;

  Words(ChannelNames channels, Directory directory, Profiles profiles) {
    this.channels = channels;
    this.directory = directory;
    this.profiles = profiles;
  }

  String channel(String team, String channel) {
    return channels.of(team, channel);
  }

  /** Names of {@code users}, in order ("someone" for anybody Slack no longer knows). */
  List<String> people(String team, List<String> users) {
    Map<String, Profile> found;
    try {
      found = directory.profiles(team, users);
    } catch (Exception e) {
      found = Map.of();
    }
    Map<String, Profile> known = found;
    return users.stream().map(u -> known.containsKey(u) && known.get(u).name() != null ? known.get(u).name() : u)
        .toList();
  }

  String person(String team, String user) {
    return people(team, List.of(user)).get(0);
  }

  String joined(String team, List<String> users) {
    return users.isEmpty() ? "nobody" : String.join(", ", people(team, users));
  }

  /**
   * Slack's mrkdwn as plain words: channel and people links to names; around them, emphasis marks dropped and
   * everything else as Slack showed it ({@link Mrkdwn#fromCommand}: escapes undone once, links their labels).
   * The page escapes for HTML itself (else "&lt;" would read "&amp;lt;"); names are shown as Slack has them.
   */
  String plain(String team, String mrkdwn) {
    String text = mrkdwn == null ? "" : mrkdwn;
    Matcher m = SLACK_REF.matcher(text);
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (m.find()) {
      out.append(unmarked(text.substring(from, m.start())))
          .append(m.group(1).equals("#") ? channel(team, m.group(2)) : person(team, m.group(2)));
      from = m.end();
    }
    return out.append(unmarked(text.substring(from))).toString();
  }

  private static String unmarked(String mrkdwn) {
    return Mrkdwn.fromCommand(mrkdwn.replace("`", "").replace("*", ""));
  }

  ZoneId zone(String team, String user) {
    return profiles.zone(team, user);
  }

  String when(Instant at, ZoneId zone) {
    return at == null ? "—" : WHEN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
  }

  String day(Instant at, ZoneId zone) {
    return at == null ? "—" : DAY.format(at.atZone(zone));
  }
}
