package dev.rapport.people;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who administers Rapport besides workspace admins and owners ({@code RAPPORT_ADMINS}, comma-separated: {@code U…} in
 * every workspace, {@code T…:U…} in that workspace only; see {@link ConfiguredAdmins}), and how long a Slack profile
 * is trusted before it is fetched again (at most 10 min, so a revoked admin loses access quickly).
 */
@Validated
@ConfigurationProperties("rapport.people")
public record PeopleSettings(List<String> admins,
                             @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) @DefaultValue("10m")
                             Duration profileCacheTtl) {

  public PeopleSettings {
    admins = admins == null ? List.of()
        : admins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    admins.forEach(Admin::parse);
  }

  /** {@code RAPPORT_ADMINS} entries; {@code team} is null for an admin in every workspace. */
  List<Admin> adminEntries() {
    return admins.stream().map(Admin::parse).toList();
  }

  record Admin(String team, String user) {

    private static final java.util.regex.Pattern ENTRY =
        java.util.regex.Pattern.compile("(?:([TE][A-Z0-9]{2,30}):)?([UW][A-Z0-9]{2,30})");

    static Admin parse(String entry) {
      java.util.regex.Matcher m = ENTRY.matcher(entry);
      if (!m.matches()) {
        throw new IllegalArgumentException("RAPPORT_ADMINS entry `" + entry + "` is not a Slack user id (U0123ABC) "
            + "or a workspace and user id (T0123ABC:U0456DEF)");
      }
      return new Admin(m.group(1), m.group(2));
    }
  }
}
