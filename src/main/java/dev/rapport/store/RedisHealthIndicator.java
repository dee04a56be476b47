package dev.rapport.store;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis reachability, part of readiness: while Redis is away the pod stops taking traffic, and comes back
 * by itself when Redis does (the pooled client reconnects; no restart).
 */
@Component("redisHealthIndicator")
class RedisHealthIndicator implements HealthIndicator {

  private static final String PROBE_KEY = Keys.shared("health", "probe");

  private final UnifiedJedis redis;

  RedisHealthIndicator(UnifiedJedis redis) {
    this.redis = redis;
  }

  @Override
  public Health health() {
    try {
      // A keyed read rather than PING: it routes the same way on a standalone Redis and on a cluster.
      redis.exists(PROBE_KEY);
      return Health.up().build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
  }
}
