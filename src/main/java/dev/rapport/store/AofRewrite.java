package dev.rapport.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Asks Redis to rewrite its append-only file (BGREWRITEAOF) after a feature deleted something that must
 * not survive in Redis's history either (a closed pulse period's sealed answers and keys). Until a
 * rewrite that starts after the deletion, the AOF still holds every write that came before it.
 *
 * <p>Requests are coalesced and run on one background thread: a rewrite already in progress forked before
 * the deletion, so this waits for it to end and then starts another. On a cluster the rewrite goes to the
 * node serving the key's slot. A Redis that refuses (AOF off, command renamed or not allowed, as on many
 * managed services) is logged once, with what the operator has to do instead.
 */
@Component
public class AofRewrite implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AofRewrite.class);
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final int MAX_TRIES = 600;

  private final UnifiedJedis redis;
  private final boolean cluster;
  private final ThreadPoolTaskScheduler executor = new ThreadPoolTaskScheduler();
  /** A sample key per cluster slot (one entry, slot 0, on a single Redis) still waiting for a rewrite. */
  private final Map<Integer, String> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean refusalLogged = new AtomicBoolean();
  /** Only touched on the executor's thread. */
  private int tries;

  AofRewrite(UnifiedJedis redis) {
    this.redis = redis;
    this.cluster = redis instanceof JedisCluster;
    executor.setPoolSize(1);
    executor.setThreadNamePrefix("rapport-aof-rewrite-");
    executor.setDaemon(true);
    executor.initialize();
  }

  /** Starts a rewrite of the AOF holding {@code sampleKey} soon, after any rewrite already running. */
  public void request(String sampleKey) {
    pending.put(cluster ? JedisClusterCRC16.getSlot(sampleKey) : 0, cluster ? sampleKey : "");
    if (running.compareAndSet(false, true)) {
      executor.execute(() -> {
        tries = 0;
        drain();
      });
    }
  }

  private void drain() {
    for (Map.Entry<Integer, String> entry : Map.copyOf(pending).entrySet()) {
      pending.remove(entry.getKey());
      if (!rewrite(entry.getValue())) {
        pending.putIfAbsent(entry.getKey(), entry.getValue());
        if (++tries < MAX_TRIES) {
          executor.schedule(this::drain, Instant.now().plus(RETRY));
          return;
        }
        log.warn("Redis did not start an append-only file rewrite after {} tries; deleted pulse data stays in "
            + "its AOF until Redis rewrites it", MAX_TRIES);
        pending.clear();
      }
    }
    running.set(false);
    if (!pending.isEmpty() && running.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  /** True when a rewrite was started or there is nothing to rewrite; false to try again shortly. */
  private boolean rewrite(String key) {
    try {
      String info = text(send(key, Protocol.Command.INFO, "persistence"));
      if (!info.contains("aof_enabled:1")) {
        return true;
      }
      if (info.contains("aof_rewrite_in_progress:1")) {
        return false;
      }
      send(key, Protocol.Command.BGREWRITEAOF);
      return true;
    } catch (JedisDataException e) {
      if (String.valueOf(e.getMessage()).contains("in progress")) {
        return false;
      }
      if (refusalLogged.compareAndSet(false, true)) {
        log.warn("Redis refused to rewrite its append-only file ({}): closed pulse periods stay in its AOF "
            + "history, replicas and backups until the operator rewrites or expires them (see the README's "
            + "threat model)", e.getMessage());
      }
      return true;
    } catch (JedisException e) {
      return false;
    }
  }

  private Object send(String key, Protocol.Command command, String... args) {
    return key.isEmpty() ? redis.sendCommand(command, args) : redis.sendCommand(key, command, args);
  }

  private static String text(Object reply) {
    return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
  }

  @Override
  public void destroy() {
    // Waiting out a rewrite still to start (up to ten minutes) would hold the shutdown: Redis can do it later.
    executor.shutdown();
  }
}
