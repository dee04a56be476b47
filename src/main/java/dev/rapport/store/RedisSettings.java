package dev.rapport.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Redis is. {@code REDIS_URL} ({@code redis://} or {@code rediss://}, password in the URL) or
 * {@code REDIS_CLUSTER_NODES} ({@code host:port,...}); with neither, an embedded Redis keeps its data in
 * {@code dataDir}.
 */
@ConfigurationProperties("rapport.redis")
public record RedisSettings(
    String url,
    List<String> clusterNodes,
    String password,
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("2s") Duration timeout,
    @DefaultValue("64") int poolSize) {

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
