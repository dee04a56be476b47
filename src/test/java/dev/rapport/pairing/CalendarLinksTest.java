package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Calendar links stay within Slack's URL limit and percent-encode whatever text they carry. */
class CalendarLinksTest {

  @Test
  void longUserTextIsShortenedToFitSlacksUrlLimitAndStaysEncoded() {
    String details = "Icebreaker: " + "Ünïcödé & <tags> #hash ?q=1 ".repeat(300);
    var event = new CalendarLinks.Event("Coffee: A & B", details, Instant.parse("2026-12-01T09:00:00Z"));

    for (String url : new String[] {CalendarLinks.google(event), CalendarLinks.outlook(event)}) {
      assertThat(url.length()).isLessThanOrEqualTo(CalendarLinks.MAX_URL);
      assertThat(url).doesNotContain(" ").doesNotContain("<").doesNotContain("#").contains("Coffee%3A%20A%20%26%20B");
      String body = url.substring(url.lastIndexOf('=') + 1);
      assertThat(URLDecoder.decode(body, StandardCharsets.UTF_8)).startsWith("Icebreaker: Ünïcödé & <tags>")
          .endsWith("…");
    }
  }
}
