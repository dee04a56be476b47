package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PulseSettingsTest {

  @Test
  void theThresholdCanNeverBeSetBelowThree() {
    assertThatThrownBy(() -> new PulseSettings(2, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3");
    assertThat(new PulseSettings(3, null, null, null).minResponses()).isEqualTo(3);
  }

  @Test
  void bindsFromTheDocumentedEnvironmentVariablesWithDefaults() {
    assertThat(bind(Map.of())).satisfies(s -> {
      assertThat(s.minResponses()).isEqualTo(5);
      assertThat(s.secret()).isNull();
      assertThat(s.remindBefore()).isEqualTo(Duration.ofHours(24));
    });
    PulseSettings set = bind(Map.of("RAPPORT_PULSE_MIN_RESPONSES", "7", "RAPPORT_PULSE_SECRET", "s3cret-value"));
    assertThat(set.minResponses()).isEqualTo(7);
    assertThat(set.secret()).isEqualTo("s3cret-value");
  }

  @Test
  void aThresholdBelowThreeInTheEnvironmentFailsStartup() {
    assertThatThrownBy(() -> bind(Map.of("RAPPORT_PULSE_MIN_RESPONSES", "1"))).isInstanceOf(BindException.class)
        .rootCause().hasMessageContaining("at least 3");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    assertThat(new PulseSettings(5, "s3cret-value", null, null).toString()).doesNotContain("s3cret-value")
        .contains("secret=***");
  }

  private static PulseSettings bind(Map<String, Object> env) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", env));
    return new Binder(ConfigurationPropertySources.get(environment))
        .bindOrCreate("rapport.pulse", PulseSettings.class);
  }
}
