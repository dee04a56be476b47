package dev.rapport.outbox;

import static dev.rapport.store.KeyFamily.Names.PERSON;
import static dev.rapport.store.KeyFamily.Names.WORKSPACE;

import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every key family the outbox writes ({@link OutboxStore}, {@link DeadLetters}, {@link RateLimiter}), and
 * whom each can name. All of them are shared: {@link OutboxPersonalData} drops what names a forgotten person,
 * {@link OutboxWorkspaceData} what belongs to an uninstalled workspace.
 */
@Component
class OutboxKeyLayout implements KeyLayout {

  @Override
  public List<KeyFamily> keyFamilies() {
    return List.of(
        KeyFamily.of("rapport:{outbox}:items", PERSON, WORKSPACE),
        KeyFamily.of("rapport:{outbox}:ready", PERSON, WORKSPACE),
        KeyFamily.of("rapport:{outbox}:inflight", PERSON, WORKSPACE),
        KeyFamily.of("rapport:{outbox}:uncertain", PERSON, WORKSPACE),
        KeyFamily.of("rapport:{outbox}:done", PERSON, WORKSPACE),
        KeyFamily.of("rapport:{outbox}:pending", WORKSPACE),
        KeyFamily.of("rapport:{outbox}:dead:{team}", PERSON, WORKSPACE),
        KeyFamily.of("rapport:{outbox}:dead:{team}:{feature}:{channel}", PERSON, WORKSPACE),
        KeyFamily.of("rapport:{outbox}:dead:{team}:places", WORKSPACE),
        KeyFamily.of("rapport:{outbox}:deadcount", WORKSPACE),
        KeyFamily.of("rapport:{outbox}:dead", PERSON, WORKSPACE),
        KeyFamily.of("rapport:{outbox}:rate:{team}:{method}", WORKSPACE),
        KeyFamily.of("rapport:{outbox}:rate:{team}:channel:{channel}", PERSON, WORKSPACE));
  }
}
