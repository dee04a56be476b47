package dev.rapport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.SlackRequests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a test's app said to Slack: every Web API call with every parameter (blocks, views and fallback
 * text included, JSON read to its strings), every response_url body, every uploaded file and every ack body
 * the test recorded. {@link #markupNotOurs()} finds each Slack control sequence in any of it that the app
 * does not write itself, so a display path added later can't slip user text through unnoticed.
 */
final class SlackTraffic {

  /**
   * The only {@code <…>} sequences the app writes: a mention of a user id, a channel link, or a date. Never a
   * label ({@code <@U1|name>}), a broadcast ({@code <!here>}), a user group or a link.
   */
  private static final Pattern OURS = Pattern.compile(
      "<(?:@[UW][A-Z0-9]+|#[CGD][A-Z0-9]+|!date\\^\\d+\\^[^<>|]*\\|[^<>]*)>");

  /** A bare broadcast Slack could parse with {@code verbatim: false}; user text carries a word joiner after @. */
  private static final Pattern BARE_BROADCAST = Pattern.compile("@(?:here|channel|everyone)\\b");
  private static final String WORD_JOINER = "\u2060";

  static final ObjectMapper JSON = new ObjectMapper();

  /** One string Slack got, and where it was. */
  record Text(String where, String text) {}

  private final FakeSlack slack;
  private final List<Text> acks = new CopyOnWriteArrayList<>();

  SlackTraffic(FakeSlack slack) {
    this.slack = slack;
  }

  /** Records the body of an ack (what a slash command, button or submission answered directly). */
  SlackRequests.Answer ack(String what, SlackRequests.Answer answer) {
    if (answer.body() != null && !answer.body().isBlank()) {
      acks.add(new Text("ack of " + what, answer.body()));
    }
    return answer;
  }

  /** Every string Slack received, each with where it was. */
  List<Text> all() {
    List<Text> texts = new ArrayList<>();
    for (Text ack : acks) {
      strings(ack.where(), ack.text(), texts);
    }
    for (FakeSlack.Call call : slack.calls()) {
      for (Map.Entry<String, String> param : call.params().entrySet()) {
        strings(call.method() + " " + param.getKey(), param.getValue(), texts);
      }
    }
    for (FakeSlack.Responded r : slack.responded()) {
      json("response_url " + r.id(), r.body(), texts);
    }
    slack.api().files().forEach(f -> texts.add(new Text("file " + f.filename(),
        new String(f.bytes(), StandardCharsets.UTF_8))));
    return texts;
  }

  /** Each place where Slack got a {@code <…>} sequence the app doesn't write, with some context. */
  List<String> markupNotOurs() {
    List<String> found = new ArrayList<>();
    for (Text t : all()) {
      String s = t.text();
      Matcher bare = BARE_BROADCAST.matcher(s);
      while (bare.find()) {
        found.add(t.where() + ": bare …" + s.substring(Math.max(0, bare.start() - 40),
            Math.min(s.length(), bare.end() + 20)) + "…");
      }
      Matcher ours = OURS.matcher(s);
      for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
        if (!ours.region(i, s.length()).lookingAt()) {
          found.add(t.where() + ": …" + s.substring(Math.max(0, i - 40), Math.min(s.length(), i + 60)) + "…");
        }
      }
    }
    return found;
  }

  /** Every string in a JSON body (an ack, a response), one a line: what Slack would show, unescaped from JSON. */
  static String textOf(String body) {
    List<Text> texts = new ArrayList<>();
    strings("body", body, texts);
    return String.join("\n", texts.stream().map(Text::text).toList());
  }

  /**
   * Whether any string Slack received shows {@code fragment} to a reader: the invisible word joiner the app
   * puts after an {@code @} in user text (so Slack can't parse a bare mention) is not part of what is seen.
   */
  boolean contains(String fragment) {
    return all().stream().anyMatch(t -> t.text().replace(WORD_JOINER, "").contains(fragment));
  }

  private static void strings(String where, String value, List<Text> into) {
    if (value == null) {
      return;
    }
    String trimmed = value.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        json(where, JSON.readTree(trimmed), into);
        return;
      } catch (IOException notJson) {
        // checked as text below
      }
    }
    into.add(new Text(where, value));
  }

  private static void json(String where, JsonNode node, List<Text> into) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      strings(where, node.asText(), into);
    } else if (node.isContainerNode()) {
      node.fields().forEachRemaining(f -> json(where + "." + f.getKey(), f.getValue(), into));
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          json(where + "[" + i + "]", node.get(i), into);
        }
      }
    }
  }
}
