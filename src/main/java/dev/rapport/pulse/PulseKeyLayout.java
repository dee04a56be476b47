package dev.rapport.pulse;

import static dev.rapport.store.KeyFamily.Names.PERSON;

import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every key family the pulse writes ({@link PulseStore}), and whom each can name. Digests and sealed
 * records of a person count as naming them: {@link PulsePersonalData} takes a forgotten person out of those.
 * Sealed answers, counts and comments never named anyone.
 */
@Component
class PulseKeyLayout implements KeyLayout {

  @Override
  public List<KeyFamily> keyFamilies() {
    return List.of(
        KeyFamily.of("rapport:{team}:pulse:channels"),
        KeyFamily.of("rapport:{team}:pulse:{channel}:config"),
        KeyFamily.of("rapport:{team}:pulse:{channel}:managers", PERSON),
        KeyFamily.of("rapport:{team}:pulse:{channel}:periods"),
        KeyFamily.of("rapport:{team}:pulse:{channel}:period:{p}:meta"),
        KeyFamily.of("rapport:{team}:pulse:{channel}:period:{p}:key"),
        KeyFamily.of("rapport:{team}:pulse:{channel}:period:{p}:invited", PERSON),
        KeyFamily.of("rapport:{team}:pulse:{channel}:period:{p}:voters", PERSON),
        KeyFamily.of("rapport:{team}:pulse:{channel}:period:{p}:sealed"),
        KeyFamily.of("rapport:{team}:pulse:{channel}:period:{p}:landed", PERSON),
        KeyFamily.of("rapport:{team}:pulse:{channel}:period:{p}:members", PERSON),
        KeyFamily.of("rapport:{team}:pulse:{channel}:period:{p}:counts"),
        KeyFamily.of("rapport:{team}:pulse:{channel}:period:{p}:comments"));
  }
}
