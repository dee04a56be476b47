package dev.rapport.pairing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/** Icebreakers from the empathy prompt library file. */
@Component
class LibraryIcebreakers implements IcebreakerSource {

  private final List<Icebreaker> all;

  LibraryIcebreakers() {
    try (InputStream in = getClass().getResourceAsStream("/prompts/library.yml")) {
      Map<String, List<Map<String, String>>> doc = new Yaml().load(in);
      all = doc.get("prompts").stream().map(p -> new Icebreaker(p.get("strategy"), p.get("text"), p.get("why")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Icebreaker pick(String team, long seed) {
    return all.get((int) Math.floorMod(seed, (long) all.size()));
  }
}
