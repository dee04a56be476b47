package dev.rapport.people;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Forget-me for cached Slack profiles. */
@Component
class PeoplePersonalData {

  private final Profiles profiles;
  private final Directory directory;

  PeoplePersonalData(Profiles profiles, Directory directory) {
    this.profiles = profiles;
    this.directory = directory;
  }

  @EventListener
  void forget(MemberForgotten forgotten) {
    String team = forgotten.team();
    String user = forgotten.user();
    profiles.evict(team, user);
    directory.forget(team, user);
  }
}
