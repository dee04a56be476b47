package dev.rapport.pulse;

import dev.rapport.store.Aead;
import dev.rapport.store.RedisSettings;
import dev.rapport.slack.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pulse's one long-lived secret, {@code RAPPORT_PULSE_SECRET}, and what is derived from it. It never goes
 * to Redis. It does two things only:
 * <ul>
 *   <li>wraps each period's random key ({@link PeriodKeys}) with AES-256-GCM, bound to its workspace,
 *       channel and period, so Redis holds the period key only sealed;</li>
 *   <li>keys the membership digests of a workspace (who was invited to a period, never who answered), which
 *       outlive the period so overlapping teams can be compared;</li>
 *   <li>keys the outbox ids of the updates that mark invitations closed, so the ids the outbox remembers
 *       after delivering name nobody.</li>
 * </ul>
 * With the embedded Redis and no secret set, one is generated once into the data directory, readable by
 * its owner only; with any other Redis the pulse refuses to run without one (the rest of Rapport works).
 */
@Component
class PulseKeys {

  static final String FILE = "pulse-secret";
  static final String MISSING = ":warning: The pulse isn't set up on this Rapport server yet, so nothing was "
      + "changed. Whoever runs Rapport for your workspace (often your IT or platform team) can finish it in a "
      + "minute: it needs the pulse secret described in Rapport's README. A Rapport admin can pass this on.";
  private static final Logger log = LoggerFactory.getLogger(PulseKeys.class);

  private final PulseStore store;
  private final Aead wrapping;
  private final byte[] membersKey;
  private final byte[] noticesKey;

  PulseKeys(PulseSettings settings, RedisSettings redis, PulseStore store) {
    this.store = store;
    String secret = settings.secret();
    if (secret != null) {
      log.info("Pulse: period keys wrapped with RAPPORT_PULSE_SECRET");
    } else if (redis.embedded()) {
      secret = generated(redis.dataDir().resolve(FILE));
    } else {
      log.warn("Pulse: RAPPORT_PULSE_SECRET is not set, so pulses can't start, take answers or close until it "
          + "is (32+ random characters, e.g. `openssl rand -hex 32`, the same on every replica). The rest of "
          + "Rapport works.");
    }
    byte[] material = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    this.wrapping = material == null ? null : Aead.of(PeriodKeys.hmac(material, "rapport-pulse-wrap-v2"));
    this.membersKey = material == null ? null : PeriodKeys.hmac(material, "rapport-pulse-members-v2");
    this.noticesKey = material == null ? null : PeriodKeys.hmac(material, "rapport-pulse-notices-v1");
  }

  boolean ready() {
    return wrapping != null;
  }

  /** {@code periodKey} sealed for Redis, bound to its period. */
  String wrap(String team, String channel, String period, PeriodKeys periodKey) {
    byte[] sealed = require().seal(periodKey.material(), associated(team, channel, period));
    return Base64.getEncoder().encodeToString(sealed);
  }

  /** The keys of a period that has them (sealed, not closed yet); empty otherwise. */
  Optional<PeriodKeys> period(String team, String channel, String period) {
    String wrapped = store.wrappedKey(team, channel, period);
    return wrapped == null ? Optional.empty() : Optional.of(unwrap(team, channel, period, wrapped));
  }

  /** The period's keys from their wrapped form; fails plainly when another secret wrapped them. */
  PeriodKeys unwrap(String team, String channel, String period, String wrapped) {
    try {
      return PeriodKeys.of(require().open(Base64.getDecoder().decode(wrapped), associated(team, channel, period)),
          team, channel, period);
    } catch (Aead.SealBrokenException | IllegalArgumentException e) {
      throw new IllegalStateException("the key of pulse period " + period + " does not open with this "
          + "RAPPORT_PULSE_SECRET: it was opened with another one; restore that secret to read its answers");
    }
  }

  /**
   * The digest of {@code user} in the membership sets of {@code team}: the same for every period of the
   * workspace, so two periods' invited people can be compared, and useless without the secret.
   */
  String memberDigest(String team, String user) {
    if (membersKey == null) {
      throw new UserError(MISSING);
    }
    return HexFormat.of().formatHex(PeriodKeys.hmac(PeriodKeys.hmac(membersKey, team), user), 0, 16);
  }

  /** The outbox id part of an update to the message at {@code ts} in {@code dm}: the same every time. */
  String noticeId(String team, String dm, String ts) {
    if (noticesKey == null) {
      throw new UserError(MISSING);
    }
    return HexFormat.of().formatHex(PeriodKeys.hmac(PeriodKeys.hmac(noticesKey, team), dm + "|" + ts), 0, 16);
  }

  private Aead require() {
    if (wrapping == null) {
      throw new UserError(MISSING);
    }
    return wrapping;
  }

  private static byte[] associated(String team, String channel, String period) {
    return String.join("|", "rapport-pulse-period-key-v2", team, channel, period).getBytes(StandardCharsets.UTF_8);
  }

  /** Reads the generated secret, or makes it once: owner-only from its first byte, never logged. */
  private static String generated(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
          Files.setPosixFilePermissions(file, OWNER_ONLY);
          log.warn("Pulse: {} was readable by others; it is owner-only now", file.toAbsolutePath());
        }
        log.info("Pulse: period keys wrapped with the secret generated into {}", file.toAbsolutePath());
      } else {
        // Written aside and then moved into place, so a crash never leaves a half-written secret behind.
        Path draft = file.resolveSibling(FILE + ".new");
        Files.deleteIfExists(draft);
        if (posix(file)) {
          Files.createFile(draft, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
          Files.createFile(draft);
        }
        Files.writeString(draft, HexFormat.of().formatHex(Aead.randomKey()) + "\n");
        Files.move(draft, file);
        log.info("Pulse: no RAPPORT_PULSE_SECRET set, so one was generated into {} (readable by its owner only). "
            + "Keep it with the data directory; to move to another Redis, set RAPPORT_PULSE_SECRET to its "
            + "content.", file.toAbsolutePath());
      }
      String secret = Files.readString(file).strip();
      if (secret.length() < PulseSettings.SECRET_MIN) {
        throw new IllegalStateException(file.toAbsolutePath() + " holds no usable pulse secret (fewer than "
            + PulseSettings.SECRET_MIN + " characters): restore it from a backup, or delete it only if no "
            + "pulse period is open");
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read or create the pulse secret in " + file.toAbsolutePath(), e);
    }
  }

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private static boolean posix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
