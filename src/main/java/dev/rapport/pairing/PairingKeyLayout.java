package dev.rapport.pairing;

import static dev.rapport.store.KeyFamily.Names.PERSON;

import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every key family coffee pairing writes ({@link ProgramStore}, {@link RoundStore}), and whom each can name.
 * {@link PairingPersonalData} takes a forgotten person out of those that name people.
 */
@Component
class PairingKeyLayout implements KeyLayout {

  @Override
  public List<KeyFamily> keyFamilies() {
    return List.of(
        KeyFamily.of("rapport:{team}:pairing:programs"),
        KeyFamily.of("rapport:{team}:pairing:{channel}:program"),
        KeyFamily.of("rapport:{team}:pairing:{channel}:runners", PERSON),
        KeyFamily.of("rapport:{team}:pairing:{channel}:stopped"),
        KeyFamily.of("rapport:{team}:pairing:{channel}:members", PERSON),
        KeyFamily.of("rapport:{team}:pairing:{channel}:left", PERSON),
        KeyFamily.of("rapport:{team}:pairing:{channel}:paused", PERSON),
        KeyFamily.of("rapport:{team}:pairing:{channel}:ghosts", PERSON),
        KeyFamily.of("rapport:{team}:pairing:avoid:{user}", PERSON),
        KeyFamily.of("rapport:{team}:pairing:{channel}:rounds"),
        KeyFamily.of("rapport:{team}:pairing:{channel}:round:{id}", PERSON),
        KeyFamily.of("rapport:{team}:pairing:{channel}:round:{id}:dms"),
        KeyFamily.of("rapport:{team}:pairing:{channel}:round:{id}:intros"),
        KeyFamily.of("rapport:{team}:pairing:{channel}:round:{id}:answers", PERSON),
        KeyFamily.of("rapport:{team}:pairing:{channel}:round:{id}:asked", PERSON),
        KeyFamily.of("rapport:{team}:pairing:{channel}:round:{id}:unreached", PERSON),
        KeyFamily.of("rapport:{team}:pairing:{channel}:round:{id}:outcomes"),
        KeyFamily.of("rapport:{team}:pairing:{channel}:stats"),
        KeyFamily.of("rapport:{team}:pairing:history:{user}", PERSON));
  }
}
