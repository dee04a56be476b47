package dev.rapport.pairing;

import static org.awaitility.Awaitility.await;

import dev.rapport.schedule.CadenceParser;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How long an admin waits for their Home in a big workspace: 25 coffee programs of 1,000 members, each with
 * a round of 500 groups whose intros all arrived (a third said they met), plus the same admin as a member of
 * all of them. Prints the ack of {@code app_home_opened} and the time until {@code views.publish} reached
 * the fake Slack. Run: {@code ./mvnw -B test -Pbench -Dtest=HomeBenchmark}
 */
@Tag("benchmark")
class HomeBenchmark extends AppTest {

  static final String ADMIN = "UADMIN";
  static final int PROGRAMS = 25;
  static final int MEMBERS = 1_000;
  static final int RUNS = 30;

  @Autowired
  ProgramStore programs;
  @Autowired
  RoundStore rounds;
  @Autowired
  RoundReplies replies;

  @Test
  void anAdminsHomeInABigWorkspace() {
    slack.workspace(TEAM).user(ADMIN).admin();
    for (int p = 0; p < PROGRAMS; p++) {
      String channel = String.format("CB%03d", p);
      programs.save(TEAM, new Program(channel, CadenceParser.parse("every week on mon at 10:00", ZoneOffset.UTC,
          LocalDate.now(clock)), 2, false, Program.Departments.NONE, true));
      List<String> members = new ArrayList<>();
      for (int m = 0; m < MEMBERS; m++) {
        members.add(String.format("U%03d%04d", p, m));
      }
      members.set(0, ADMIN);
      programs.rememberMembers(TEAM, channel, members);
      List<List<String>> groups = new ArrayList<>();
      for (int g = 0; g < MEMBERS / 2; g++) {
        groups.add(List.of(members.get(2 * g), members.get(2 * g + 1)));
      }
      Round round = rounds.create(TEAM, new Round(channel, "r1", clock.instant(), MEMBERS, groups, List.of(),
          groups.size(), 0, 0, null));
      for (int g = 0; g < groups.size(); g++) {
        replies.introLanded(TEAM, channel, round.id(), g, "G" + p + "x" + g, "1700000000.00" + g);
        if (g % 3 == 0) {
          replies.answer(TEAM, channel, round.id(), groups.get(g).get(0), "met");
          replies.answer(TEAM, channel, round.id(), groups.get(g).get(1), "met");
        }
      }
    }

    long[] acks = new long[RUNS];
    long[] published = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      int before = slack.calls("views.publish").size();
      long start = System.nanoTime();
      SlackRequests.Answer ack = requests.event(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload", Map.of(
          "type", "app_home_opened", "user", ADMIN, "tab", "home", "channel", "D0HOME", "event_ts",
              "1700000000.000100"));
      acks[i] = System.nanoTime() - start;
      if (ack.status() != 200) {
        throw new AssertionError("app_home_opened answered " + ack.status());
      }
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
          .until(() -> slack.calls("views.publish").size() > before);
      published[i] = System.nanoTime() - start;
    }
    System.out.println();
    System.out.printf("Home benchmark: an admin in %d programs of %d members (one 500-group round each), %d runs, "
        + "%d cores%n", PROGRAMS, MEMBERS, RUNS, Runtime.getRuntime().availableProcessors());
    System.out.println("command: ./mvnw -B test -Pbench -Dtest=HomeBenchmark");
    System.out.printf("ack of app_home_opened: p50 %.1f ms, max %.1f ms%n", p50(acks), max(acks));
    System.out.printf("views.publish received: p50 %.1f ms, max %.1f ms (first run %.1f ms)%n", p50(published),
        max(published), published[0] / 1e6);
  }

  private static double p50(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static double max(long[] nanos) {
    return Arrays.stream(nanos).max().orElse(0) / 1e6;
  }
}
