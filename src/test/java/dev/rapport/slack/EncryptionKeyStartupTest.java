package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.RapportApplication;
import dev.rapport.store.EncryptionSettings;
import dev.rapport.testkit.TestRedis;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Multi-workspace mode keeps tokens in Redis, so it does not start without a key to seal them with. */
@ExtendWith(OutputCaptureExtension.class)
class EncryptionKeyStartupTest {

  @Test
  void multiWorkspaceModeRefusesToStartWithoutAKeyAndSaysHowToMakeOne(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(RapportApplication.class).run(
        "--server.port=0", "--management.server.port=0", "--REDIS_URL=" + TestRedis.shared()
            .url(TestRedis.newDatabase()),
        "--SLACK_BOT_TOKEN=", "--SLACK_SIGNING_SECRET=secret", "--SLACK_CLIENT_ID=111.222",
        "--SLACK_CLIENT_SECRET=client-secret", "--RAPPORT_ENCRYPTION_KEY="))
        .hasRootCauseInstanceOf(MissingEncryptionKeyException.class);

    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("sealed with RAPPORT_ENCRYPTION_KEY; that variable is not set")
        .contains("Make a key with `openssl rand -base64 32`");
  }

  @Test
  void aKeyThatIsNotThirtyTwoBytesOfBase64StopsStartupWithTheReason() {
    assertThatThrownBy(() -> bind(Map.of("RAPPORT_ENCRYPTION_KEY", "too-short"))).isInstanceOf(BindException.class)
        .rootCause().hasMessageContaining("RAPPORT_ENCRYPTION_KEY").hasMessageContaining("openssl rand -base64 32")
        .hasMessageNotContaining("too-short");
    assertThatThrownBy(() -> bind(Map.of("RAPPORT_ENCRYPTION_KEY", "aGVsbG8=")))
        .rootCause().hasMessageContaining("must be 32 bytes in base64, not 5");
  }

  @Test
  void keysBindFromTheEnvironmentAndNeverShowInToString() {
    String current = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    String previous = java.util.Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32});

    EncryptionSettings settings = bind(Map.of("RAPPORT_ENCRYPTION_KEY", current,
        "RAPPORT_ENCRYPTION_PREVIOUS_KEYS", previous + ", " + current));

    assertThat(settings.key()).isEqualTo(current);
    assertThat(settings.previousKeys()).containsExactly(previous, current);
    assertThat(settings.toString()).doesNotContain(current).doesNotContain(previous);
  }

  private static EncryptionSettings bind(Map<String, Object> env) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", env));
    return new Binder(ConfigurationPropertySources.get(environment))
        .bindOrCreate("rapport.encryption", EncryptionSettings.class);
  }
}
