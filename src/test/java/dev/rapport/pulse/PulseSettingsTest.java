package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PulseSettingsTest {

  private static final String LONG_SECRET = "0123456789abcdef0123456789abcdef-s3cret";

  @Test
  void theThresholdCanNeverBeSetBelowThree() {
    assertThatThrownBy(() -> new PulseSettings(2, null, null, null, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3");
    assertThat(new PulseSettings(3, null, null, null, true).minResponses()).isEqualTo(3);
  }

  @Test
  void bindsFromTheDocumentedEnvironmentVariablesWithDefaults() {
    assertThat(bind(Map.of())).satisfies(s -> {
      assertThat(s.minResponses()).isEqualTo(5);
      assertThat(s.secret()).isNull();
      assertThat(s.remindBefore()).isEqualTo(Duration.ofHours(24));
    });
    PulseSettings set = bind(Map.of("RAPPORT_PULSE_MIN_RESPONSES", "7", "RAPPORT_PULSE_SECRET", LONG_SECRET,
        "RAPPORT_PULSE_REMIND_BEFORE", "2h", "RAPPORT_PULSE_RETENTION", "365d"));
    assertThat(set.minResponses()).isEqualTo(7);
    assertThat(set.secret()).isEqualTo(LONG_SECRET);
    assertThat(set.remindBefore()).isEqualTo(Duration.ofHours(2));
    assertThat(set.retention()).isEqualTo(Duration.ofDays(365));
  }

  @Test
  void aThresholdBelowThreeInTheEnvironmentFailsStartup() {
    assertThatThrownBy(() -> bind(Map.of("RAPPORT_PULSE_MIN_RESPONSES", "1"))).isInstanceOf(BindException.class)
        .rootCause().hasMessageContaining("at least 3");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    assertThat(new PulseSettings(5, LONG_SECRET, null, null, true).toString()).doesNotContain(LONG_SECRET)
        .contains("secret=***");
  }

  @Test
  void aPulseSecretShorterThan32CharactersFailsStartupWithoutShowingIt() {
    assertThatThrownBy(() -> bind(Map.of("RAPPORT_PULSE_SECRET", "s3cret-value")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("at least 32")
        .hasMessageContaining("openssl rand -hex 32").hasMessageNotContaining("s3cret-value");
  }

  @Test
  void theAofRewriteAfterACloseIsOnUnlessTurnedOff() {
    assertThat(bind(Map.of()).rewriteAof()).isTrue();
    assertThat(bind(Map.of("RAPPORT_PULSE_REWRITE_AOF", "false")).rewriteAof()).isFalse();
  }

  /** Binds as the app does: application.yml, whose placeholders name the documented variables, over {@code env}. */
  private static PulseSettings bind(Map<String, Object> env) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", env));
    try {
      new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
          .forEach(source -> environment.getPropertySources().addLast(source));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Binder(ConfigurationPropertySources.get(environment),
        new PropertySourcesPlaceholdersResolver(environment)).bindOrCreate("rapport.pulse", PulseSettings.class);
  }
}
