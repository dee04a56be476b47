package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * "Add to Google Calendar" and "Add to Outlook" for a suggested meeting: plain event-template links (no calendar
 * account to connect, no OAuth). The event is in UTC, so each reader's calendar shows it in their own zone. The
 * links are URL buttons rather than mrkdwn links: names and icebreakers are user text, and percent-encoded in a
 * button's URL they can neither break the link nor reach any mrkdwn. Slack still tells the app about a click on a
 * URL button; {@link CoffeeButtons} acknowledges it and does nothing else.
 */
final class CalendarLinks {

  /** The action ids of both buttons ({@code pairing_calendar_google}, {@code pairing_calendar_outlook}). */
  static final String ACTIONS = "pairing_calendar_.*";
  static final String GOOGLE = "pairing_calendar_google";
  static final String OUTLOOK = "pairing_calendar_outlook";
  static final Duration LENGTH = Duration.ofMinutes(30);
  /** Slack's limit for a button's URL. */
  static final int MAX_URL = 3000;
  private static final DateTimeFormatter GOOGLE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /** One event to add: its title and description are plain text (user text included), as people will read them. */
  record Event(String title, String details, Instant start) {

    Instant end() {
      return start.plus(LENGTH);
    }
  }

  private CalendarLinks() {}

  /** The two buttons, for the actions block under "When?". */
  static LayoutBlock buttons(Event event) {
    return actions(a -> a.elements(List.of(
        button(b -> b.actionId(GOOGLE).url(google(event)).text(plainText(":calendar: Add to Google Calendar"))),
        button(b -> b.actionId(OUTLOOK).url(outlook(event)).text(plainText(":calendar: Add to Outlook"))))));
  }

  /** Google Calendar's event template ({@code action=TEMPLATE}), times in UTC. */
  static String google(Event event) {
    String head = "https://calendar.google.com/calendar/render?action=TEMPLATE&dates="
        + GOOGLE_TIME.format(event.start()) + "/" + GOOGLE_TIME.format(event.end()) + "&text=";
    return fit(head, event.title(), "&details=", event.details());
  }

  /** Outlook on the web's compose deeplink, times in UTC. */
  static String outlook(Event event) {
    String head = "https://outlook.office.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose"
        + "&rru=addevent&startdt=" + iso(event.start()) + "&enddt=" + iso(event.end()) + "&subject=";
    return fit(head, event.title(), "&body=", event.details());
  }

  /** {@code head}, title, {@code detailsParam} and details, each encoded; details shortened to fit Slack's limit. */
  private static String fit(String head, String title, String detailsParam, String details) {
    String start = head + encode(cut(title, 200)) + detailsParam;
    String text = details == null ? "" : details;
    String url = start + encode(text);
    while (url.length() > MAX_URL && !text.isEmpty()) {
      int keep = text.codePointCount(0, text.length()) * 3 / 4;
      text = cut(text, Math.max(0, keep - 1));
      url = start + encode(text);
    }
    return url;
  }

  /** At most {@code max} code points, ending in "…" when shortened. */
  static String cut(String text, int max) {
    String plain = text == null ? "" : text;
    if (plain.codePointCount(0, plain.length()) <= max) {
      return plain;
    }
    return max == 0 ? "" : plain.substring(0, plain.offsetByCodePoints(0, max)) + "…";
  }

  /** Percent-encoding for a query value; a space is {@code %20}, which both calendars read as a space. */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String iso(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
