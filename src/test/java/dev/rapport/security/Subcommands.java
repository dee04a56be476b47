package dev.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every subcommand of {@code /coffee}, {@code /empathy} and {@code /pulse}, with plausible arguments. The
 * list is checked against each command's own help, so a subcommand added without being listed here fails
 * the tests that use it instead of going untested.
 */
final class Subcommands {

  /** One subcommand and plausible arguments. */
  record Sub(String command, String word, String args) {
    /** Whether its answer is a modal (nothing is sent to the response_url). */
    boolean opensModal() {
      return word.equals("settings") || (command.equals("/pulse") && word.isEmpty());
    }

    String text() {
      return (word + " " + args).trim();
    }

    /** The word and the first word of the arguments (e.g. "managers add"), before adversarial text. */
    String prefix() {
      String first = args.isEmpty() ? "" : args.split(" ")[0];
      return (word + " " + (first.startsWith("<") ? "" : first)).trim();
    }

    @Override
    public String toString() {
      return (command + " " + text()).trim();
    }
  }

  private static final Pattern USAGE_LINE = Pattern.compile("^• `(/[a-z]+)(?: ([a-z-]+))?[^`]*` — ");

  /** In this order, so that what ends something (stop, close) comes after what uses it. */
  static final List<Sub> ALL = List.of(
      new Sub("/coffee", "status", ""),
      new Sub("/coffee", "join", ""),
      new Sub("/coffee", "pause", "2w"),
      new Sub("/coffee", "resume", ""),
      new Sub("/coffee", "avoid", "<@U005|five>"),
      new Sub("/coffee", "unavoid", "<@U005|five>"),
      new Sub("/coffee", "history", ""),
      new Sub("/coffee", "forget-me", ""),
      new Sub("/coffee", "start", "every week on mon at 10:00 tz UTC size 2"),
      new Sub("/coffee", "settings", ""),
      new Sub("/coffee", "onboard", "<@U005|five> starting 2027-01-11"),
      new Sub("/coffee", "now", ""),
      new Sub("/coffee", "stats", ""),
      new Sub("/coffee", "insights", ""),
      new Sub("/coffee", "leave", ""),
      new Sub("/coffee", "stop", ""),
      new Sub("/empathy", "", ""),
      new Sub("/empathy", "listening", ""),
      new Sub("/empathy", "empathy", ""),
      new Sub("/empathy", "vulnerability", ""),
      new Sub("/empathy", "quality-time", ""),
      new Sub("/empathy", "suggest", "listening What made you smile this week?"),
      new Sub("/empathy", "add", "listening What would help you most this week?"),
      new Sub("/empathy", "list", "listening"),
      new Sub("/empathy", "remove", "listening-01"),
      new Sub("/empathy", "stats", ""),
      new Sub("/empathy", "start", "every week on mon at 10:00 tz UTC listening"),
      new Sub("/empathy", "stop", ""),
      new Sub("/pulse", "", ""),
      new Sub("/pulse", "managers", "add <@U004|four>"),
      new Sub("/pulse", "report", "4 weeks"),
      new Sub("/pulse", "chart", ""),
      new Sub("/pulse", "export", ""),
      new Sub("/pulse", "start", "every week on mon at 10:00 tz UTC"),
      new Sub("/pulse", "now", ""),
      new Sub("/pulse", "close", ""),
      new Sub("/pulse", "stop", ""));

  private Subcommands() {}

  /** Fails unless {@link #ALL} holds exactly the subcommands each command's help lists. */
  static void checkAgainstHelp(SlackRequests requests, String user, String channel) {
    List<String> listed = new ArrayList<>();
    for (String command : List.of("/coffee", "/empathy", "/pulse")) {
      String help = requests.command(AppTest.TEAM, user, channel, command, "help").text();
      for (String line : help.split("\n")) {
        Matcher m = USAGE_LINE.matcher(line);
        if (m.find() && !"help".equals(m.group(2))) {
          listed.add((m.group(1) + " " + (m.group(2) == null ? "" : m.group(2))).trim());
        }
      }
    }
    assertThat(listed).as("subcommands in the help").containsExactlyInAnyOrderElementsOf(
        ALL.stream().map(s -> (s.command() + " " + s.word()).trim()).toList());
  }
}
