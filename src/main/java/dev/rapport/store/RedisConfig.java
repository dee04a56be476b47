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
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.providers.PooledConnectionProvider;
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
    // No PING before each command (it doubled every command's round trips and made up most of an idle
    // instance's traffic). After a Redis restart or failover the idle connections are dead: the standalone
    // client drops them all at the first connection error and runs the command again (StaleConnectionRetry),
    // the cluster client retries on another connection by itself. In the background, every 30 s, three idle
    // connections are checked (one PING each), and those idle for 5 minutes are closed.
    pool.setTestOnBorrow(false);
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRuns(java.time.Duration.ofSeconds(30));
    pool.setNumTestsPerEvictionRun(3);
    pool.setMinEvictableIdleDuration(java.time.Duration.ofMinutes(5));
    pool.setMinIdle(0);
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
      return pooled(JedisURIHelper.getHostAndPort(uri), config, pool);
    }
    int port = embedded.getObject().port();
    DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeoutMs).socketTimeoutMillis(timeoutMs).build();
    return pooled(new HostAndPort("127.0.0.1", port), config, pool);
  }

  private static UnifiedJedis pooled(HostAndPort address, DefaultJedisClientConfig config,
                                     GenericObjectPoolConfig<Connection> pool) {
    PooledConnectionProvider provider = new PooledConnectionProvider(address, config, pool);
    return new UnifiedJedis(new StaleConnectionRetry(provider), provider, new CommandObjects());
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
