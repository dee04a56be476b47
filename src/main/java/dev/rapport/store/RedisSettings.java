package dev.rapport.store;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Redis is. {@code REDIS_URL} ({@code redis://} or {@code rediss://}, password in the URL) or
 * {@code REDIS_CLUSTER_NODES} ({@code host:port,...}); with neither, an embedded Redis keeps its data in
 * {@code dataDir}.
 */
@Validated
@ConfigurationProperties("rapport.redis")
public record RedisSettings(
    String url,
    List<String> clusterNodes,
    String password,
    @NotNull @DefaultValue("./data") Path dataDir,
    @NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration timeout,
    // At least 2: WakeUps' subscriber holds one pooled connection for as long as the app runs.
    @Min(2) @Max(1024) @DefaultValue("64") int poolSize) {

  public RedisSettings {
    url = url == null || url.isBlank() ? null : url.trim();
    clusterNodes = clusterNodes == null
        ? List.of()
        : clusterNodes.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    password = password == null || password.isBlank() ? null : password;
  }

  /** Whether the app runs its own Redis (no {@code REDIS_URL}, no cluster): the zero-setup default. */
  public boolean embedded() {
    return url == null && clusterNodes.isEmpty();
  }

  @Override
  public String toString() {
    // The URL may carry a password: never print it.
    return "RedisSettings[url=" + (url == null ? "-" : redact(url)) + ", clusterNodes=" + clusterNodes
        + ", dataDir=" + dataDir + "]";
  }

  static String redact(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }
}
