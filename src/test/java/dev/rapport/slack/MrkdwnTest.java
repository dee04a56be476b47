package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrkdwnTest {

  @Test
  void escapingTurnsSlacksThreeControlCharactersIntoEntitiesAndNothingElse() {
    assertThat(Mrkdwn.escape("<!here> & <@U1|ann> <https://evil.example|click>"))
        .isEqualTo("&lt;!here&gt; &amp; &lt;@\u2060U1|ann&gt; &lt;https://evil.example|click&gt;");
    assertThat(Mrkdwn.escape("*bold* _italic_ :tada: \"quoted\" 'it's'"))
        .isEqualTo("*bold* _italic_ :tada: \"quoted\" 'it's'");
    assertThat(Mrkdwn.escape("&lt; stays what was typed")).isEqualTo("&amp;lt; stays what was typed");
    assertThat(Mrkdwn.escape(null)).isEmpty();
  }

  @Test
  void aBareMentionTypedAsTextCanNotBeParsedIntoOne() {
    assertThat(Mrkdwn.escape("ping @here and @ann, mail ann@example.com, or just @"))
        .isEqualTo("ping @\u2060here and @\u2060ann, mail ann@\u2060example.com, or just @");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '→', value = {
      "&lt;!here&gt; → <!here>",
      "a &amp;lt; b → a &lt; b",
      "Tom &amp; Jerry → Tom & Jerry",
      "<@U123|ann> → @ann",
      "<@U123> → @U123",
      "<#C123|general> → #general",
      "<#C123|> → #C123",
      "<!here> → @here",
      "<!channel> → @channel",
      "<!everyone> → @everyone",
      "<!subteam^S123|@evil-crew> → @evil-crew",
      "<!subteam^S123> → @S123",
      "<https://evil.example|click> → click",
      "<https://evil.example> → https://evil.example",
      "<https://x.example/?a=1&amp;b=2> → https://x.example/?a=1&b=2",
      "<mailto:ann@example.com|ann@example.com> → ann@example.com",
      "<!date^1700000000^{date}|Nov 14> → Nov 14",
      "every week on <!here> at 10:00 → every week on @here at 10:00",
      "<@U1 → <@U1"})
  void commandTextBecomesWhatThePersonTyped(String slackText, String typed) {
    assertThat(Mrkdwn.fromCommand(slackText)).isEqualTo(typed);
  }

  @Test
  void whatCameFromACommandIsShownAsTypedAndNeverAsMarkup() {
    for (String slack : new String[] {"&lt;!here&gt;", "<!here>", "<@U1|ann>", "<https://e.example|x>",
        "&lt;@U1|ann&gt;", "<!subteam^S1|@crew>", "<#C1|general>"}) {
      assertThat(Mrkdwn.escape(Mrkdwn.fromCommand(slack))).as(slack).doesNotContain("<");
    }
  }

  @Test
  void aCodeSpanHoldsOneEscapedLineAndCannotBeClosedEarly() {
    assertThat(Mrkdwn.code("<!here>")).isEqualTo("`&lt;!here&gt;`");
    assertThat(Mrkdwn.code("a `b` c")).isEqualTo("`a 'b' c`");
    assertThat(Mrkdwn.code("two\nlines\there")).isEqualTo("`two lines here`");
  }

  @Test
  void aLongWordIsCutBeforeItIsEscapedSoNoEntityIsCutInHalf() {
    String word = "x".repeat(Mrkdwn.ECHO_LENGTH - 1) + "<!here>";

    assertThat(Mrkdwn.code(word)).isEqualTo("`" + "x".repeat(Mrkdwn.ECHO_LENGTH - 1) + "&lt;…`");
    assertThat(Mrkdwn.code("😀".repeat(Mrkdwn.ECHO_LENGTH + 5)))
        .isEqualTo("`" + "😀".repeat(Mrkdwn.ECHO_LENGTH) + "…`");
  }

  @Test
  void anEchoOfCommandWordsShowsMentionsAsTheirNames() {
    assertThat(Mrkdwn.echo("<@U1|ann> &lt;b&gt;")).isEqualTo("`@\u2060ann &lt;b&gt;`");
  }
}
