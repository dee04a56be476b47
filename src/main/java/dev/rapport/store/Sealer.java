package dev.rapport.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals short secrets as text for Redis, under the current {@link EncryptionSettings key}, and opens them
 * under it or a previous one (key rotation). A sealed value is {@code sealed:1:<key id>:<base64 of
 * nonce, ciphertext and tag>}; the key id (a keyed hash of the key, not the key) says which key opens it,
 * and the associated data (the Redis key it belongs to) binds it to its place, so a value copied to another
 * workspace's key does not open there.
 */
@Component
public class Sealer {

  static final String PREFIX = "sealed:1:";

  private final String currentId;
  private final Map<String, Aead> keys = new LinkedHashMap<>();

  public Sealer(EncryptionSettings settings) {
    if (settings.key() != null) {
      byte[] current = EncryptionSettings.decode(settings.key(), "RAPPORT_ENCRYPTION_KEY");
      currentId = keyId(current);
      keys.put(currentId, Aead.of(current));
    } else {
      currentId = null;
    }
    for (String previous : settings.previousKeys()) {
      byte[] bytes = EncryptionSettings.decode(previous, "RAPPORT_ENCRYPTION_PREVIOUS_KEYS");
      keys.putIfAbsent(keyId(bytes), Aead.of(bytes));
    }
  }

  /** Whether there is a current key to seal with. */
  public boolean ready() {
    return currentId != null;
  }

  /** The current key's id, as it appears in sealed values and the startup log; empty without a key. */
  public Optional<String> currentKeyId() {
    return Optional.ofNullable(currentId);
  }

  public String seal(String plaintext, String boundTo) {
    if (currentId == null) {
      throw new IllegalStateException("no RAPPORT_ENCRYPTION_KEY to seal with: " + EncryptionSettings.HOW_TO_MAKE);
    }
    byte[] sealed = keys.get(currentId).seal(plaintext.getBytes(StandardCharsets.UTF_8), data(boundTo));
    return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(sealed);
  }

  /** A value as read: its text, and whether it should be sealed again under the current key. */
  public record Opened(String text, boolean stale) {}

  /**
   * Opens a sealed value; a value stored before sealing existed (not {@link #isSealed}) comes back as it
   * is, marked stale, so the caller seals it now.
   *
   * @throws UnknownKeyException when sealed under a key that is not configured (any more)
   * @throws Aead.SealBrokenException when altered, or bound to another place
   */
  public Opened open(String stored, String boundTo) {
    if (!isSealed(stored)) {
      return new Opened(stored, true);
    }
    int colon = stored.indexOf(':', PREFIX.length());
    if (colon < 0) {
      throw new Aead.SealBrokenException();
    }
    String id = stored.substring(PREFIX.length(), colon);
    Aead aead = keys.get(id);
    if (aead == null) {
      throw new UnknownKeyException(id);
    }
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new Aead.SealBrokenException();
    }
    String text = new String(aead.open(sealed, data(boundTo)), StandardCharsets.UTF_8);
    return new Opened(text, !id.equals(currentId));
  }

  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  private static byte[] data(String boundTo) {
    return boundTo.getBytes(StandardCharsets.UTF_8);
  }

  /** 8 hex digits of HMAC-SHA256(key, "rapport key id"): names the key without revealing it. */
  static String keyId(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal("rapport key id".getBytes(StandardCharsets.US_ASCII)), 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "Sealer[current=" + currentId + ", keys=" + keys.keySet() + "]";
  }

  /** A value sealed under a key this deployment does not have. */
  public static final class UnknownKeyException extends RuntimeException {
    UnknownKeyException(String id) {
      super("a value in Redis is sealed with encryption key " + id + ", which is neither RAPPORT_ENCRYPTION_KEY "
          + "nor in RAPPORT_ENCRYPTION_PREVIOUS_KEYS: add that key to RAPPORT_ENCRYPTION_PREVIOUS_KEYS");
    }
  }
}
