package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testkit.FakeApi;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every program's rounds respect: people whose Slack status says they're away are skipped without a word
 * (and are back once it clears), nobody meets their own manager where a manager field is set, and each intro
 * carries calendar links for its suggested time.
 */
class RoundGuardsTest extends CoffeeAppTest {

  static final String CHANNEL = "C0GUARDS";

  @BeforeEach
  void anAdmin() {
    slack.workspace(TEAM).user(ADMIN).admin();
  }

  @Test
  void peopleAwayAreSkippedQuietlyAndBackOnceTheirStatusClears() {
    slack.workspace(TEAM).join(CHANNEL, "UIN001", "UIN002", "UIN003", "UPALM1", "UOOO01", "UVAC01", "UEXP01");
    long now = clock.instant().getEpochSecond();
    slack.workspace(TEAM).user("UPALM1").status(":palm_tree:", "", 0);
    slack.workspace(TEAM).user("UOOO01").status(":spiral_calendar_pad:", "OOO till Wednesday", now + 2 * 86400);
    slack.workspace(TEAM).user("UVAC01").status(":sunny:", "On vacation", 0);
    // An away status that already expired doesn't count.
    slack.workspace(TEAM).user("UEXP01").status(":airplane:", "Out of office", now - 60);
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC");

    List<List<String>> first = groupsOfRoundNow(CHANNEL);

    List<String> placed = first.stream().flatMap(List::stream).toList();
    assertThat(placed).containsExactlyInAnyOrder("UIN001", "UIN002", "UIN003", "UEXP01");
    assertThat(everythingShown()).noneMatch(t -> t.contains("UPALM1") || t.contains("UOOO01")
        || t.contains("UVAC01"));

    slack.workspace(TEAM).user("UPALM1").status("", "", 0);
    advanceTo(clock.instant().plus(Duration.ofDays(7)));
    List<List<String>> second = groupsOfRoundNow(CHANNEL);

    assertThat(second.stream().flatMap(List::stream)).contains("UPALM1", "UOOO01").doesNotContain("UVAC01");
  }

  @Test
  void nobodyIsPairedWithTheirOwnManager() {
    slack.workspace(TEAM).join(CHANNEL, "UMGR01", "UREP01", "UREP02", "UPEER1");
    slack.workspace(TEAM).user("UREP01").field("Manager", "UMGR01");
    slack.workspace(TEAM).user("UREP02").field("Manager", "UMGR01");
    assertThat(coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC managers field \"Manager\"").text())
        .contains("own manager");

    for (int round = 0; round < 3; round++) {
      List<List<String>> groups = groupsOfRoundNow(CHANNEL);
      assertThat(groups).hasSize(2).noneMatch(g -> g.contains("UMGR01") && (g.contains("UREP01")
          || g.contains("UREP02")));
      advanceTo(clock.instant().plus(Duration.ofDays(7)));
    }
  }

  @Test
  void introsCarryEncodedCalendarLinksForTheSuggestedTimeInUtc() {
    slack.workspace(TEAM).join(CHANNEL, "UCAL01", "UCAL02");
    slack.workspace(TEAM).user("UCAL01").name = "Zoë & <Ops> #1";
    slack.workspace(TEAM).user("UCAL02").tz("America/New_York", -5 * 3600);
    coffee(ADMIN, CHANNEL, "start every week on mon at 10:00 tz UTC");

    groupsOfRoundNow(CHANNEL);

    FakeApi.Message intro = introMessages(CHANNEL).get(0);
    Matcher when = Pattern.compile("<!date\\^(\\d+)\\^").matcher(intro.blocks().toString());
    assertThat(when.find()).as("a suggested time, in each reader's zone").isTrue();
    Instant at = Instant.ofEpochSecond(Long.parseLong(when.group(1)));
    String google = url(intro.blocks(), CalendarLinks.GOOGLE);
    String outlook = url(intro.blocks(), CalendarLinks.OUTLOOK);
    String start = at.toString().replaceAll("[-:]", "");
    String end = at.plus(Duration.ofMinutes(30)).toString().replaceAll("[-:]", "");
    assertThat(google).startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE")
        .contains("&dates=" + start + "/" + end + "&").contains("Zo%C3%AB%20%26%20%3COps%3E%20%231");
    assertThat(outlook).startsWith("https://outlook.office.com/calendar/0/deeplink/compose?")
        .contains("&startdt=" + at + "&enddt=" + at.plus(Duration.ofMinutes(30)) + "&");
    for (String url : List.of(google, outlook)) {
      assertThat(url).doesNotContain(" ").doesNotContain("<").doesNotContain("#");
      String title = param(url, url == google ? "text" : "subject");
      assertThat(title).isEqualTo("Coffee: Real Zoë & <Ops> #1 and Real user-ucal02");
    }
  }

  private static String url(JsonNode blocks, String actionId) {
    for (JsonNode block : blocks) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          return element.path("url").asText();
        }
      }
    }
    throw new AssertionError("no " + actionId + " button in " + blocks);
  }

  private static String param(String url, String name) {
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }
}
