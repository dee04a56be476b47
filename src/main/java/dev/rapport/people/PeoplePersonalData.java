package dev.rapport.people;

import org.springframework.stereotype.Component;

/** Forget-me for cached Slack profiles. */
@Component
class PeoplePersonalData implements PersonalData {

  private final Profiles profiles;
  private final Directory directory;

  PeoplePersonalData(Profiles profiles, Directory directory) {
    this.profiles = profiles;
    this.directory = directory;
  }

  @Override
  public void forget(String team, String user) {
    profiles.evict(team, user);
    directory.forget(team, user);
  }
}
