package dev.rapport.people;

import static dev.rapport.store.KeyFamily.Names.PERSON;

import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every key family people's caches write ({@link Profiles}, {@link Directory}, {@link ForgetMe}), and whom
 * each can name. {@link PeoplePersonalData} takes a forgotten person out; the forget-me mark names them only
 * by a hash and expires within a minute.
 */
@Component
class PeopleKeyLayout implements KeyLayout {

  @Override
  public List<KeyFamily> keyFamilies() {
    return List.of(
        KeyFamily.of("rapport:{team}:people:directory", PERSON),
        KeyFamily.of("rapport:{team}:people:directory:at"),
        KeyFamily.of("rapport:{team}:people:forgetting:{hash}"),
        KeyFamily.of("rapport:{team}:people:profile:{user}", PERSON));
  }
}
