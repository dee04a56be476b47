package dev.rapport.store;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * One {@link UnifiedJedis} for the whole app: a pooled client for {@code REDIS_URL}, a cluster client for
 * {@code REDIS_CLUSTER_NODES}, or a pooled client on an embedded Redis. Every store codes against
 * {@code UnifiedJedis}, so standalone and cluster share one path.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

  private static final Logger log = LoggerFactory.getLogger(RedisConfig.class);

  @Bean(destroyMethod = "close")
  EmbeddedRedisHolder embeddedRedis(RedisSettings settings) {
    return new EmbeddedRedisHolder(settings.embedded() ? EmbeddedRedis.start(settings.dataDir()) : null);
  }

  @Bean(destroyMethod = "close")
  UnifiedJedis redis(RedisSettings settings, ObjectProvider<EmbeddedRedisHolder> embedded) {
    int timeoutMs = (int) settings.timeout().toMillis();
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(settings.poolSize());
    pool.setMaxIdle(settings.poolSize());
    pool.setMaxWait(settings.timeout());
    pool.setJmxEnabled(false);
    // After a Redis restart or failover every idle connection is dead. Checking a connection when it is
    // borrowed (one PING) means the first requests after recovery succeed instead of each failing on a
    // stale connection; idle ones are also checked in the background.
    pool.setTestOnBorrow(true);
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRuns(java.time.Duration.ofSeconds(2));
    pool.setNumTestsPerEvictionRun(-1);
    if (!settings.clusterNodes().isEmpty()) {
      Set<HostAndPort> nodes = new LinkedHashSet<>();
      settings.clusterNodes().forEach(node -> nodes.add(HostAndPort.from(node)));
      DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
          .connectionTimeoutMillis(timeoutMs).socketTimeoutMillis(timeoutMs)
          .password(settings.password()).build();
      log.info("Using Redis Cluster at {}", nodes);
      return new JedisCluster(nodes, config, 3, pool);
    }
    if (settings.url() != null) {
      URI uri = URI.create(settings.url());
      if (!JedisURIHelper.isValid(uri)) {
        throw new IllegalArgumentException(
            "REDIS_URL must look like redis://[:password@]host:port[/db] or rediss://...; got "
                + RedisSettings.redact(settings.url()));
      }
      DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
          .connectionTimeoutMillis(timeoutMs).socketTimeoutMillis(timeoutMs)
          .user(JedisURIHelper.getUser(uri))
          .password(settings.password() != null ? settings.password() : JedisURIHelper.getPassword(uri))
          .database(JedisURIHelper.getDBIndex(uri))
          .ssl(JedisURIHelper.isRedisSSLScheme(uri))
          .build();
      log.info("Using Redis at {}", RedisSettings.redact(settings.url()));
      return new JedisPooled(JedisURIHelper.getHostAndPort(uri), config, pool);
    }
    int port = embedded.getObject().port();
    DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeoutMs).socketTimeoutMillis(timeoutMs).build();
    return new JedisPooled(new HostAndPort("127.0.0.1", port), config, pool);
  }

  /** Holds the embedded server, if any, so Spring stops it after the client is closed. */
  static final class EmbeddedRedisHolder implements AutoCloseable {
    private final EmbeddedRedis server;

    EmbeddedRedisHolder(EmbeddedRedis server) {
      this.server = server;
    }

    int port() {
      return server.port();
    }

    @Override
    public void close() throws Exception {
      if (server != null) {
        server.close();
      }
    }
  }
}
