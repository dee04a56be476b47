package dev.rapport.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the prompt library (YAML) and refuses a file that breaks its structure: unknown or missing fields,
 * unknown strategies, ids that don't name their strategy, duplicate ids or texts, texts too long for Block
 * Kit, or fewer than {@link #MIN_PER_STRATEGY} prompts for a strategy. Start-up fails with every problem
 * listed, so a broken edit never reaches a workspace.
 */
final class LibraryFile {

  static final String RESOURCE = "/prompts/library.yml";
  static final int MIN_PER_STRATEGY = 30;
  private static final Set<String> FIELDS = Set.of("id", "strategy", "text", "why", "thread-only");

  private LibraryFile() {}

  static List<Prompt> load() {
    try (InputStream in = LibraryFile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing prompt library " + RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Prompt> parse(InputStream in) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    if (!(root instanceof Map<?, ?> map) || !(map.get("prompts") instanceof List<?> entries)) {
      throw new IllegalStateException("prompt library: expected a top-level `prompts:` list");
    }
    List<String> problems = new ArrayList<>();
    List<Prompt> prompts = new ArrayList<>();
    Map<String, String> texts = new HashMap<>();
    Map<Strategy, Integer> counts = new EnumMap<>(Strategy.class);
    for (int i = 0; i < entries.size(); i++) {
      Prompt prompt = read(entries.get(i), "entry " + (i + 1), problems);
      if (prompt == null) {
        continue;
      }
      if (prompts.stream().anyMatch(p -> p.id().equals(prompt.id()))) {
        problems.add(prompt.id() + ": duplicate id");
      }
      String earlier = texts.putIfAbsent(PromptText.normalized(prompt.text()), prompt.id());
      if (earlier != null) {
        problems.add(prompt.id() + ": same text as " + earlier);
      }
      counts.merge(prompt.strategy(), 1, Integer::sum);
      prompts.add(prompt);
    }
    for (Strategy s : Strategy.values()) {
      if (counts.getOrDefault(s, 0) < MIN_PER_STRATEGY) {
        problems.add(s.id() + ": " + counts.getOrDefault(s, 0) + " prompts, at least " + MIN_PER_STRATEGY
            + " needed");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("prompt library " + RESOURCE + " is invalid:\n  "
          + String.join("\n  ", problems));
    }
    return List.copyOf(prompts);
  }

  private static Prompt read(Object entry, String where, List<String> problems) {
    if (!(entry instanceof Map<?, ?> fields)) {
      problems.add(where + ": not a mapping");
      return null;
    }
    String id = string(fields, "id");
    String name = id == null ? where : id;
    for (Object key : fields.keySet()) {
      if (!FIELDS.contains(String.valueOf(key))) {
        problems.add(name + ": unknown field `" + key + "`");
      }
    }
    String strategyWord = string(fields, "strategy");
    Strategy strategy = Strategy.parse(strategyWord).orElse(null);
    String text = string(fields, "text");
    String why = string(fields, "why");
    int before = problems.size();
    if (id == null) {
      problems.add(name + ": missing id");
    }
    if (strategy == null) {
      problems.add(name + ": strategy `" + strategyWord + "` is not one of " + Strategy.choices());
    } else if (id != null && !id.matches(strategy.id() + "-\\d{2,}")) {
      problems.add(name + ": id should be `" + strategy.id() + "-NN`");
    }
    checkLine(name, "text", text, problems);
    checkLine(name, "why", why, problems);
    Object threadOnly = fields.get("thread-only");
    if (threadOnly != null && !(threadOnly instanceof Boolean)) {
      problems.add(name + ": thread-only is true or false");
    }
    if (problems.size() > before) {
      return null;
    }
    return new Prompt(id, strategy, text, why, Boolean.TRUE.equals(threadOnly));
  }

  private static void checkLine(String name, String field, String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(name + ": missing " + field);
    } else if (value.length() > PromptText.MAX_LENGTH) {
      problems.add(name + ": " + field + " is " + value.length() + " characters, at most "
          + PromptText.MAX_LENGTH);
    } else if (value.contains("\n")) {
      problems.add(name + ": " + field + " must be one line");
    }
  }

  private static String string(Map<?, ?> fields, String key) {
    Object value = fields.get(key);
    return value == null ? null : String.valueOf(value).trim();
  }
}
