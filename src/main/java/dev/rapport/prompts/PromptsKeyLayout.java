package dev.rapport.prompts;

import static dev.rapport.store.KeyFamily.Names.PERSON;

import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every key family empathy prompts write, and whom each can name. {@link PromptsPersonalData} takes a
 * forgotten person out of those that name people; reactions and repliers are kept only as digests and counts.
 */
@Component
class PromptsKeyLayout implements KeyLayout {

  @Override
  public List<KeyFamily> keyFamilies() {
    return List.of(
        KeyFamily.of("rapport:{team}:prompts:rotation:{channel}:{strategy}:seen"),
        KeyFamily.of("rapport:{team}:prompts:rotation:{channel}:{strategy}:state"),
        KeyFamily.of("rapport:{team}:prompts:rotation:{channel}:turn"),
        KeyFamily.of("rapport:{team}:prompts:pick:{occurrence...}"),
        KeyFamily.of("rapport:{team}:prompts:custom"),
        KeyFamily.of("rapport:{team}:prompts:custom:seq"),
        KeyFamily.of("rapport:{team}:prompts:removed"),
        KeyFamily.of("rapport:{team}:prompts:on-demand:{channel}"),
        KeyFamily.of("rapport:{team}:prompts:suggestion:{id}", PERSON),
        KeyFamily.of("rapport:{team}:prompts:suggest:today:{user}", PERSON),
        KeyFamily.of("rapport:{team}:prompts:reviewers", PERSON),
        KeyFamily.of("rapport:{team}:prompts:review:{id}", PERSON),
        KeyFamily.of("rapport:{team}:prompts:post:{channel}:{ts}"),
        KeyFamily.of("rapport:{team}:prompts:post:{channel}:{ts}:counted"),
        KeyFamily.of("rapport:{team}:prompts:stats:{week}:{strategy}"),
        KeyFamily.of("rapport:{team}:prompts:stats:{week}:{strategy}:top"),
        KeyFamily.of("rapport:{team}:prompts:stats:{week}:{strategy}:repliers"),
        KeyFamily.of("rapport:{team}:prompts:cstats:{channel}:{week}:{strategy}"),
        KeyFamily.of("rapport:{team}:prompts:cstats:{channel}:{week}:{strategy}:top"),
        KeyFamily.of("rapport:{team}:prompts:cstats:{channel}:{week}:{strategy}:repliers"),
        KeyFamily.of("rapport:{team}:prompts:scheduled-by", PERSON));
  }
}
