package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slack's mrkdwn turned into words for a page (which escapes HTML itself). */
class WordsTest {

  private final Words words = new Words(null, null, null);

  @Test
  void slacksEscapesAreUndoneOnceSoThePageDoesntShowThem() {
    assertThat(words.plain(TEAM, "Couldn't DM R&amp;D &lt;design&gt;: *try* `/coffee settings` (&amp;lt; stays)"))
        .isEqualTo("Couldn't DM R&D <design>: try /coffee settings (&lt; stays)");
  }

  @Test
  void linksAndBroadcastsReadAsSlackShowedThem() {
    assertThat(words.plain(TEAM, "Read <https://example.com/guide|the guide> &amp; tell <!here>"))
        .isEqualTo("Read the guide & tell @here");
  }

  private static final String TEAM = "T0TEST";
}
