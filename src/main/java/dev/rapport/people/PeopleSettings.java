package dev.rapport.people;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who administers Rapport besides workspace admins and owners ({@code RAPPORT_ADMINS}, user IDs,
 * comma-separated), and how long a Slack profile is trusted before it is fetched again (at most 10 min,
 * so a revoked admin loses access quickly).
 */
@ConfigurationProperties("rapport.people")
public record PeopleSettings(List<String> admins, @DefaultValue("10m") Duration profileCacheTtl) {

  public PeopleSettings {
    admins = admins == null ? List.of()
        : admins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (profileCacheTtl.compareTo(Duration.ofMinutes(10)) > 0) {
      profileCacheTtl = Duration.ofMinutes(10);
    }
  }
}
