package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The shipped library, read straight from the YAML (not through the app's loader), against the issue's
 * rules: structure, Block Kit limits, and the content rules that can be checked mechanically.
 */
class LibraryFileTest {

  private static final Set<String> STRATEGIES = Set.of("listening", "empathy", "vulnerability", "quality-time");
  /** plain_text fields (the post's header and context) take at most 150 characters. */
  private static final int PLAIN_TEXT_LIMIT = 150;
  /** Topics a workplace prompt never asks about: pay, beliefs, health and bodies, private life, fears. */
  private static final Pattern INTRUSIVE = Pattern.compile("\\b(salary|salaries|pay ?rise|money|debt|religio\\w*|"
      + "church|faith|god|politic\\w*|election|vote|health|illness|sick|diagnos\\w*|medication|therapy|therapist|"
      + "weight|diet|body|bodies|pregnan\\w*|age|how old|trauma\\w*|fear|fears|scariest|secret|secrets|"
      + "embarrass\\w*|regret\\w*|weakness\\w*|ex|dating|relationship status|sex\\w*)\\b", Pattern.CASE_INSENSITIVE);
  /** Assumptions that leave people out: family set-ups, holidays, drinking. */
  private static final Pattern EXCLUDING = Pattern.compile("\\b(wife|husband|spouse|boyfriend|girlfriend|kids|"
      + "children|your (mum|mom|dad|parents|family)|childhood|christmas|easter|ramadan|diwali|hanukkah|"
      + "thanksgiving|drink\\w*|beer|wine|alcohol|pub|happy hour)\\b", Pattern.CASE_INSENSITIVE);
  /** Characters Slack would read as markup or mentions. */
  private static final Pattern MARKUP = Pattern.compile("[<>&*_~`@]");
  /** Wording that only makes sense inside a coffee chat, not in a channel. */
  private static final Pattern CHAT_ONLY = Pattern.compile("\\b(in your chat|chat partners?)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern THREAD_WORDS = Pattern.compile("\\b(thread|channel)\\b", Pattern.CASE_INSENSITIVE);

  private static final List<Map<String, Object>> PROMPTS = read();

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> read() {
    try (InputStream in = LibraryFileTest.class.getResourceAsStream("/prompts/library.yml")) {
      Map<String, Object> root = new Yaml().load(in);
      return (List<Map<String, Object>>) root.get("prompts");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String field(Map<String, Object> p, String name) {
    Object v = p.get(name);
    return v == null ? "" : v.toString();
  }

  private static List<String> offending(java.util.function.Predicate<Map<String, Object>> bad) {
    return PROMPTS.stream().filter(bad).map(p -> field(p, "id")).toList();
  }

  @Test
  void hasAtLeast120PromptsAndEveryStrategyHasAtLeast30() {
    Map<String, Long> perStrategy = PROMPTS.stream()
        .collect(Collectors.groupingBy(p -> field(p, "strategy"), Collectors.counting()));

    assertThat(PROMPTS).hasSizeGreaterThanOrEqualTo(120);
    assertThat(perStrategy.keySet()).containsExactlyInAnyOrderElementsOf(STRATEGIES);
    assertThat(perStrategy.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(30));
  }

  @Test
  void everyPromptHasExactlyTheKnownFieldsAndAnIdThatNamesItsStrategy() {
    assertThat(offending(p -> !Set.of("id", "strategy", "text", "why", "thread-only").containsAll(p.keySet())))
        .as("unknown fields").isEmpty();
    assertThat(offending(p -> field(p, "text").isBlank() || field(p, "why").isBlank())).as("missing text or why")
        .isEmpty();
    assertThat(offending(p -> !field(p, "id").matches(Pattern.quote(field(p, "strategy")) + "-\\d{2}")))
        .as("ids are <strategy>-NN").isEmpty();
  }

  @Test
  void idsTextsAndWhysAreUnique() {
    assertThat(duplicates("id", s -> s)).isEmpty();
    assertThat(duplicates("text", LibraryFileTest::words)).isEmpty();
    assertThat(duplicates("why", LibraryFileTest::words)).isEmpty();
  }

  @Test
  void textsAndWhysFitBlockKitPlainTextFieldsOnOneLine() {
    assertThat(offending(p -> field(p, "text").length() > PLAIN_TEXT_LIMIT)).as("text over 150").isEmpty();
    assertThat(offending(p -> field(p, "why").length() > PLAIN_TEXT_LIMIT)).as("why over 150").isEmpty();
    assertThat(offending(p -> field(p, "text").contains("\n") || field(p, "why").contains("\n")))
        .as("more than one line").isEmpty();
  }

  @Test
  void promptsAreQuestionsOrInvitationsAndWhysAreSentences() {
    assertThat(offending(p -> !field(p, "text").matches(".*[?.]$"))).isEmpty();
    assertThat(offending(p -> !field(p, "why").matches("^[A-Z].*\\.$"))).isEmpty();
  }

  @Test
  void nothingIsReadAsSlackMarkupOrAMention() {
    assertThat(offending(p -> MARKUP.matcher(field(p, "text") + field(p, "why")).find())).isEmpty();
  }

  @Test
  void noPromptTouchesIntrusiveTopics() {
    assertThat(matches(INTRUSIVE)).isEmpty();
  }

  @Test
  void noPromptAssumesAFamilyAHolidayOrDrinking() {
    assertThat(matches(EXCLUDING)).isEmpty();
  }

  @Test
  void promptsThatReferToTheThreadAreMarkedThreadOnlyAndNoneAssumeACoffeeChat() {
    assertThat(offending(p -> THREAD_WORDS.matcher(field(p, "text")).find()
        != Boolean.TRUE.equals(p.get("thread-only")))).isEmpty();
    assertThat(offending(p -> CHAT_ONLY.matcher(field(p, "text")).find())).isEmpty();
  }

  @Test
  void theAppLoadsTheSameLibrary() {
    List<Prompt> loaded = LibraryFile.load();

    assertThat(loaded).extracting(Prompt::id).containsExactlyElementsOf(PROMPTS.stream().map(p -> field(p, "id"))
        .toList());
    assertThat(loaded).filteredOn(Prompt::threadOnly).extracting(Prompt::id)
        .containsExactlyInAnyOrder("listening-10", "quality-time-17");
  }

  private List<String> matches(Pattern pattern) {
    List<String> found = new ArrayList<>();
    for (Map<String, Object> p : PROMPTS) {
      Matcher m = pattern.matcher(field(p, "text") + " | " + field(p, "why"));
      while (m.find()) {
        found.add(field(p, "id") + ": " + m.group());
      }
    }
    return found;
  }

  private static String words(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  private Map<String, List<String>> duplicates(String name, java.util.function.UnaryOperator<String> key) {
    Map<String, List<String>> seen = new HashMap<>();
    for (Map<String, Object> p : PROMPTS) {
      seen.computeIfAbsent(key.apply(field(p, name)), k -> new ArrayList<>()).add(field(p, "id"));
    }
    seen.values().removeIf(ids -> ids.size() < 2);
    return seen;
  }
}
