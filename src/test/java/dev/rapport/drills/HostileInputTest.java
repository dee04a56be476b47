package dev.rapport.drills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile and odd input: each request gets a clear answer or a 4xx, never a 5xx, and the app keeps
 * serving afterwards.
 */
class HostileInputTest extends AppTest {

  @Test
  void everyKindOfBadRequestGetsA4xxOrAClearAnswerAndTheAppKeepsServing() {
    List<SlackRequests.Answer> answers = new ArrayList<>();
    long now = SlackRequests.now();
    String form = "command=%2Fcoffee&text=help&team_id=" + TEAM + "&user_id=U1&channel_id=C1";

    answers.add(expect(401, requests.postRaw("application/x-www-form-urlencoded", form, String.valueOf(now),
        "v0=bad")));
    answers.add(expect(401, requests.postRaw("application/x-www-form-urlencoded", form, null, null)));
    answers.add(expect(401, requests.postRaw("application/x-www-form-urlencoded", form, "yesterday", "v0=00")));
    answers.add(expect(401, requests.post("application/x-www-form-urlencoded", form, now - 6 * 60)));
    answers.add(expect(413, requests.post("application/json", "{\"x\":\"" + "y".repeat(1_100_000) + "\"}", now)));
    answers.add(expect(400, requests.post("application/json", "{\"type\":\"event_callback\",\"event\":", now)));
    answers.add(expect(400, requests.post("application/json", "[1,2,3]", now)));
    answers.add(expect(400, requests.post("application/x-www-form-urlencoded", "payload=%7B%22type%22%3A", now)));
    answers.add(expect(400, requests.post("application/x-www-form-urlencoded", "%%%&&&=", now)));
    answers.add(expect(400, requests.post("text/plain", "hello", now)));

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).isBetween(400, 499));
    assertThat(requests.command(TEAM, "U001", "C001", "/coffee", "help").text()).contains("*/coffee*");
  }

  @Test
  void longUnicodeAndUnknownMentionsGetAClearAnswer() {
    slack.workspace(TEAM).user("U001").admin();
    String fourThousand = "é🙂".repeat(1000) + "x".repeat(1000);
    assertThat(fourThousand.length()).isGreaterThanOrEqualTo(4000);

    for (String command : List.of("/coffee", "/empathy", "/pulse")) {
      SlackRequests.Answer answer = requests.command(TEAM, "U001", "C001", command, fourThousand);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.text()).as(command).contains("I don't know").contains("*" + command + "*");
      assertThat(answer.text().length()).as("the echo is cut short").isLessThan(3000);
    }
    assertThat(requests.command(TEAM, "U001", "C001", "/coffee", "avoid <@U0NOBODY|ghost>").text())
        .contains("you won't be paired with <@U0NOBODY>");
    assertThat(requests.command(TEAM, "U001", "C001", "/coffee", "avoid <#C123|general>").text())
        .contains("mention them with @");
    assertThat(requests.command(TEAM, "U001", "C001", "/pulse", "managers add <@U0NOBODY> 🙂").text())
        .contains("I expected people mentioned with @");
    assertThat(requests.command(TEAM, "U001", "C001", "/coffee", "start every 𝟚 weeks on mön at 10:00").text())
        .contains("Example:");
    assertThat(requests.command(TEAM, "U001", "C001", "/empathy", "suggest " + "ü".repeat(4000)).status())
        .isEqualTo(200);
    assertThat(requests.command(TEAM, "U001", "C001", "/coffee", "help").text()).contains("*/coffee*");
  }

  private static SlackRequests.Answer expect(int status, SlackRequests.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    return answer;
  }
}
