package dev.rapport.people;

import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Forget-me for cached Slack profiles. */
@Component
class PeoplePersonalData implements KeyLayout {

  private final Profiles profiles;
  private final ProfileFields fields;
  private final Directory directory;
  private final Tenure tenure;

  PeoplePersonalData(Profiles profiles, ProfileFields fields, Directory directory, Tenure tenure) {
    this.profiles = profiles;
    this.fields = fields;
    this.directory = directory;
    this.tenure = tenure;
  }

  /**
   * Every key family people writes ({@link Profiles}, {@link ProfileFields}, {@link Directory}, {@link ForgetMe},
   * {@link Tenure}),
   * and whom each can name. The forget-me mark names the person only by a hash, and expires within a minute.
   */
  @Override
  public List<KeyFamily> keyFamilies() {
    return KeyFamily.table("""
        rapport:{team}:people:directory          PERSON
        rapport:{team}:people:directory:at
        rapport:{team}:people:fields:{user}      PERSON
        rapport:{team}:people:forgetting:{hash}
        rapport:{team}:people:profile:{user}     PERSON
        rapport:{team}:people:seen               PERSON
        """);
  }

  @EventListener
  void forget(MemberForgotten forgotten) {
    String team = forgotten.team();
    String user = forgotten.user();
    profiles.evict(team, user);
    fields.evict(team, user);
    directory.forget(team, user);
    tenure.forget(team, user);
  }
}
