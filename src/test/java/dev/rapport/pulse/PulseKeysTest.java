package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.slack.UserError;
import dev.rapport.store.RedisSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PulseKeysTest {

  private static final String SECRET = "a".repeat(31) + "-one-secret-of-enough-length";

  @TempDir
  Path data;

  @Test
  void withTheEmbeddedRedisASecretIsGeneratedOnceOwnerOnlyAndTheLogSaysWhere(CapturedOutput output)
      throws Exception {
    PulseKeys first = keys(null, null);
    Path file = data.resolve(PulseKeys.FILE);
    String secret = Files.readString(file).strip();
    PeriodKeys period = PeriodKeys.fresh("T1", "C1", "P1");
    String wrapped = first.wrap("T1", "C1", "P1", period);

    PulseKeys restarted = keys(null, null);

    assertThat(first.ready()).isTrue();
    assertThat(secret).matches("[0-9a-f]{64}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(output.getOut()).contains("generated into " + file.toAbsolutePath()).doesNotContain(secret);
    assertThat(Files.readString(file).strip()).as("generated once").isEqualTo(secret);
    assertThat(restarted.unwrap("T1", "C1", "P1", wrapped).voter("U1")).isEqualTo(period.voter("U1"));
    assertThat(wrapped).doesNotContain(secret);
  }

  @Test
  void aGeneratedSecretThatOthersCouldReadIsMadeOwnerOnly(CapturedOutput output) throws Exception {
    keys(null, null);
    Path file = data.resolve(PulseKeys.FILE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    keys(null, null);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(output.getOut()).contains("was readable by others");
  }

  @Test
  void withAnotherRedisAndNoSecretThePulseRefusesWithAClearMessageAndTheLogSaysHowToFixIt(CapturedOutput output) {
    PulseKeys keys = keys(null, "redis://redis.example:6379");

    assertThat(keys.ready()).isFalse();
    assertThat(output.getOut()).contains("RAPPORT_PULSE_SECRET is not set").contains("The rest of Rapport works");
    assertThatThrownBy(() -> keys.wrap("T1", "C1", "P1", PeriodKeys.fresh("T1", "C1", "P1")))
        .isInstanceOf(UserError.class).hasMessageContaining("Whoever runs Rapport")
        .hasMessageNotContaining("RAPPORT_");
    assertThatThrownBy(() -> keys.memberDigest("T1", "U1")).isInstanceOf(UserError.class);
    assertThat(Files.exists(data.resolve(PulseKeys.FILE))).as("nothing generated for a shared Redis").isFalse();
  }

  @Test
  void aPeriodKeyWrappedUnderAnotherSecretOrForAnotherPeriodDoesNotOpenAndSaysWhy() {
    PulseKeys keys = keys(SECRET, "redis://redis.example:6379");
    String wrapped = keys.wrap("T1", "C1", "P1", PeriodKeys.fresh("T1", "C1", "P1"));

    assertThatThrownBy(() -> keys(SECRET.replace('a', 'b'), "redis://redis.example:6379")
        .unwrap("T1", "C1", "P1", wrapped)).hasMessageContaining("does not open with this RAPPORT_PULSE_SECRET");
    assertThatThrownBy(() -> keys.unwrap("T1", "C2", "P1", wrapped)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void membershipDigestsAreStablePerWorkspaceAndDifferAcrossWorkspacesAndSecrets() {
    PulseKeys keys = keys(SECRET, "redis://redis.example:6379");

    assertThat(keys.memberDigest("T1", "U1")).isEqualTo(keys(SECRET, "redis://r:6379").memberDigest("T1", "U1"))
        .isNotEqualTo(keys.memberDigest("T2", "U1")).isNotEqualTo(keys.memberDigest("T1", "U2"))
        .isNotEqualTo(keys(SECRET + "x", "redis://r:6379").memberDigest("T1", "U1")).matches("[0-9a-f]{32}");
  }

  private PulseKeys keys(String secret, String redisUrl) {
    return new PulseKeys(new PulseSettings(5, secret, null, null, true),
        new RedisSettings(redisUrl, List.of(), null, data, Duration.ofSeconds(1), 1), null);
  }
}
