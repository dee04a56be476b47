package dev.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every subcommand, sent 4,000-character adversarial texts after its first word (runs of whitespace before a
 * {@code >}, nested brackets, surrogate pairs and right-to-left text, 300 mentions, Slack markup), acks in
 * under a second with a clear ephemeral answer, never a 5xx. As an admin whose role is cached, so each
 * subcommand's own parsing runs before the ack.
 */
class AdversarialTextFuzzTest extends AppTest {

  static final String CHANNEL = "C0FUZZ";
  static final String ADMIN = "U001";
  static final Duration BOUND = Duration.ofSeconds(1);

  @Test
  void everySubcommandAcksAdversarialTextInUnderASecondWithAClearAnswer() {
    slack.workspace(TEAM).channel(CHANNEL, "U", 6);
    slack.workspace(TEAM).user(ADMIN).admin();
    Subcommands.checkAgainstHelp(requests, ADMIN, CHANNEL);
    assertThat(requests.command(TEAM, ADMIN, CHANNEL, "/coffee", "start every week on mon at 10:00 tz UTC").text())
        .as("a program, and the admin's role cached").contains("Coffee pairing is on");

    Map<String, String> texts = texts();
    List<String> problems = new ArrayList<>();
    Duration slowest = Duration.ZERO;
    for (Subcommands.Sub sub : Subcommands.ALL) {
      for (Map.Entry<String, String> attack : texts.entrySet()) {
        String text = (sub.prefix() + " " + attack.getValue()).trim();
        SlackRequests.Ack ack = requests.commandAck(TEAM, ADMIN, CHANNEL, sub.command(), text);
        slowest = ack.took().compareTo(slowest) > 0 ? ack.took() : slowest;
        String problem = problem(ack, sub);
        if (problem != null) {
          problems.add(sub + " + " + attack.getKey() + ": " + problem);
        }
      }
    }
    System.out.printf("AdversarialTextFuzzTest: %d acks, slowest %d ms%n",
        Subcommands.ALL.size() * texts.size(), slowest.toMillis());
    assertThat(problems).isEmpty();
  }

  /** What is wrong with an ack, or null. */
  private static String problem(SlackRequests.Ack ack, Subcommands.Sub sub) {
    SlackRequests.Answer answer = ack.answer();
    if (answer.status() != 200) {
      return "HTTP " + answer.status();
    }
    if (ack.took().compareTo(BOUND) >= 0) {
      return "acked after " + ack.took().toMillis() + " ms";
    }
    if (answer.body() == null || answer.body().isBlank()) {
      return answer.later() || sub.opensModal() ? null : "no answer";
    }
    String text = answer.text();
    if (!"ephemeral".equals(answer.json().path("response_type").asText())) {
      return "not ephemeral: " + answer.body();
    }
    if (text.isBlank() || text.contains("Something went wrong") || text.contains("Exception")) {
      return "unclear: " + text;
    }
    return null;
  }

  /** Adversarial texts of 4,000 characters (UTF-16 units). */
  static Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("spaces before >", "x" + " ".repeat(3_998) + ">");
    texts.put("whitespace runs", fit(("x" + " \t ".repeat(40) + "\n").repeat(40)));
    texts.put("nested brackets", fit("<".repeat(1_000) + "<@U1|<<a b>> " .repeat(150) + ">".repeat(1_000)));
    texts.put("unicode", fit("🙂𝟚 \u202Eשלום مرحبا\u202C é\u200D👩‍👩‍👧 \uFEFF".repeat(200)));
    StringBuilder mentions = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      mentions.append("<@U").append(String.format("%07d", i)).append("|n ").append(i).append("> ");
    }
    texts.put("300 mentions", fit(mentions.toString()));
    texts.put("markup", fit("<!here> <!channel> <!subteam^S1> <https://evil.example|click> &lt;@U1&gt; *_~`> ".repeat(60)));
    return texts;
  }

  /** Cut or padded (with the text again) to exactly 4,000 UTF-16 units, never splitting a surrogate pair. */
  private static String fit(String text) {
    StringBuilder out = new StringBuilder(text);
    while (out.length() < 4_000) {
      out.append(' ').append(text);
    }
    int end = 4_000;
    if (Character.isHighSurrogate(out.charAt(end - 1))) {
      end--;
    }
    return out.substring(0, end);
  }
}
