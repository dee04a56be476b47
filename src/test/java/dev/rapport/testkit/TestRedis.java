package dev.rapport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * A real redis-server for tests, on a random port, one per test JVM (so Spring's cached contexts share
 * it). It can be stopped and started again on the same port to drill outages.
 */
public final class TestRedis {

  private static TestRedis shared;

  private final int port;
  private final Path dir;
  private RedisServer server;

  private final boolean durable;

  private TestRedis(int port, Path dir, boolean durable) {
    this.port = port;
    this.dir = dir;
    this.durable = durable;
  }

  public static synchronized TestRedis shared() {
    if (shared == null) {
      shared = startNew(false);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stopQuietly));
    }
    return shared;
  }

  /** A separate server (e.g. for a second, unrelated store). Caller stops it. */
  public static TestRedis startNew() {
    return startNew(false);
  }

  /** A separate server; {@code durable} keeps every write in an append-only file across restarts. */
  public static TestRedis startNew(boolean durable) {
    try {
      TestRedis redis = new TestRedis(freePort(), Files.createTempDirectory("rapport-redis"), durable);
      redis.start();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void start() {
    try {
      server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
          .setting("dir " + dir).setting("save \"\"")
          .setting(durable ? "appendonly yes" : "appendonly no")
          .setting("appendfsync always").build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException ignored) {
      // JVM is exiting
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** A plain client for tests to look into Redis directly. */
  public JedisPooled client() {
    org.apache.commons.pool2.impl.GenericObjectPoolConfig<redis.clients.jedis.Connection> pool =
        new org.apache.commons.pool2.impl.GenericObjectPoolConfig<>();
    pool.setTestOnBorrow(true);
    return new JedisPooled(pool, "127.0.0.1", port);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
