package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import dev.rapport.testkit.TestRedis;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Every settings record is validated when it is bound: a bad value stops the start and names its variable. */
class SettingsValidationTest {

  @Configuration(proxyBeanMethods = false)
  @ConfigurationPropertiesScan("dev.rapport")
  static class AllSettings {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
          ValidationAutoConfiguration.class))
      .withUserConfiguration(AllSettings.class);

  @Test
  void theDefaultsStart() {
    runner.run(context -> assertThat(context).hasNotFailed());
  }

  @ParameterizedTest
  @CsvSource({
      "RAPPORT_OUTBOX_WORKERS, 0, must be greater than or equal to 1",
      "RAPPORT_OUTBOX_BATCH, 500, must be less than or equal to 100",
      "RAPPORT_OUTBOX_POLL_INTERVAL, 0ms, must be longer than or equal to",
      "RAPPORT_SCHEDULE_LEASE, 0s, must be longer than or equal to",
      "RAPPORT_PAIRING_GHOST_AFTER, 0, must be greater than or equal to 1",
      "RAPPORT_PAIRING_HISTORY_ROUNDS, 201, must be less than or equal to 200",
      "RAPPORT_PROMPTS_PAGESIZE, 3, must be greater than or equal to 5",
      "RAPPORT_PULSE_RETENTION, 1d, must be longer than or equal to",
      "RAPPORT_PULSE_REMIND_BEFORE, -1h, must be longer than or equal to",
      "RAPPORT_PEOPLE_PROFILE_CACHE_TTL, 1h, must be shorter than or equal to",
      "RAPPORT_REDIS_POOL_SIZE, 1, must be greater than or equal to 2",
      "RAPPORT_SLACK_API_URL, not a url, must be a valid URL"})
  void aBadValueStopsTheStartNamingTheVariable(String variable, String value, String reason) {
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(variable, value))))
        .run(context -> {
          assertThat(context).hasFailed();
          FailureAnalysis analysis = new InvalidSettingsAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis).isNotNull();
          assertThat(analysis.getDescription()).contains(variable + " (rapport.").contains(reason);
        });
  }

  @Test
  void aValueSetAsAPropertyIsNamedByItsVariableToo() {
    runner.withPropertyValues("rapport.outbox.max-attempts=0").run(context -> {
      FailureAnalysis analysis = new InvalidSettingsAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription())
          .contains("RAPPORT_OUTBOX_MAX_ATTEMPTS (rapport.outbox.max-attempts) is \"0\"");
    });
  }

  @Test
  void aRateBudgetBelowOneStopsTheStart() {
    runner.withPropertyValues("rapport.outbox.per-minute.chat.update=0").run(context -> assertThat(
        new InvalidSettingsAnalyzer().analyze(context.getStartupFailure()).getDescription())
        .contains("(rapport.outbox.per-minute").contains("must be greater than or equal to 1"));
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void theAppRefusesToStartAndItsReportNamesTheVariable(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(RapportApplication.class).run("--server.port=0",
        "--management.server.port=0", "--REDIS_URL=" + TestRedis.shared().url(), "--rapport.redis.pool-size=0")
        .close()).hasRootCauseInstanceOf(BindValidationException.class);

    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("RAPPORT_REDIS_POOL_SIZE (rapport.redis.pool-size) is \"0\": must be greater than or equal to 2");
  }
}
