package dev.rapport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * A real redis-server for tests, on a random port, one per test JVM. Spring's cached contexts share the
 * server but not a keyspace: each takes a database of its own ({@link #newDatabase}), so no context sees
 * another's data or claims its deliveries and occurrences. It can be stopped and started again on the same
 * port to drill outages (a drill that does so uses a server of its own, {@link #startNew}).
 */
public final class TestRedis {

  /** Databases of one server: one per app context a test JVM starts, and a few for tests without one. */
  static final int DATABASES = 64;

  private static TestRedis shared;
  private static int nextDatabase;

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
          .setting("appendfsync always").setting("databases " + DATABASES).build();
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

  /** The URL of database {@code db} of this server. */
  public String url(int db) {
    return url() + "/" + db;
  }

  /**
   * A database of the shared server nobody else in this JVM uses: 0 is left to tests that take the server
   * as it is, the rest are handed out once each.
   */
  public static int newDatabase() {
    synchronized (TestRedis.class) {
      if (++nextDatabase >= DATABASES) {
        throw new IllegalStateException("more than " + (DATABASES - 1) + " databases asked of one test Redis");
      }
      return nextDatabase;
    }
  }

  public int port() {
    return port;
  }

  /** A plain client for tests to look into Redis directly. */
  public JedisPooled client() {
    return client(0);
  }

  /** A plain client on database {@code db}. */
  public JedisPooled client(int db) {
    return client(java.net.URI.create(url(db)));
  }

  /** A plain client for {@code redis://host:port[/db]}. */
  static JedisPooled client(java.net.URI url) {
    org.apache.commons.pool2.impl.GenericObjectPoolConfig<redis.clients.jedis.Connection> pool =
        new org.apache.commons.pool2.impl.GenericObjectPoolConfig<>();
    pool.setTestOnBorrow(true);
    return new JedisPooled(pool, url, 2000);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
