package dev.rapport.store;

import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys that seal secrets before they reach Redis (installation tokens), bound from
 * {@code RAPPORT_ENCRYPTION_KEY} and {@code RAPPORT_ENCRYPTION_PREVIOUS_KEYS} (comma-separated): each is
 * 32 random bytes in base64 ({@code openssl rand -base64 32}). New values are sealed with {@code key};
 * {@code previousKeys} only open what was sealed before a rotation. They never go to Redis.
 */
@ConfigurationProperties("rapport.encryption")
public record EncryptionSettings(String key, List<String> previousKeys) {

  static final String HOW_TO_MAKE = "make one with `openssl rand -base64 32`";

  public EncryptionSettings {
    key = key == null || key.isBlank() ? null : key.trim();
    previousKeys = previousKeys == null ? List.of()
        : previousKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
    if (key != null) {
      decode(key, "RAPPORT_ENCRYPTION_KEY");
    }
    previousKeys.forEach(k -> decode(k, "RAPPORT_ENCRYPTION_PREVIOUS_KEYS"));
  }

  /** The key's 32 bytes; a clear message (never the value) when it is not 32 bytes of base64. */
  static byte[] decode(String key, String variable) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + " is not base64: " + HOW_TO_MAKE);
    }
    if (bytes.length != Aead.KEY_BYTES) {
      throw new IllegalArgumentException(variable + " must be " + Aead.KEY_BYTES + " bytes in base64, not "
          + bytes.length + ": " + HOW_TO_MAKE);
    }
    return bytes;
  }

  @Override
  public String toString() {
    // Keys never reach a log line.
    return "EncryptionSettings[key=" + (key == null ? "-" : "***") + ", previousKeys=" + previousKeys.size() + "]";
  }
}
