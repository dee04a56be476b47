package dev.rapport.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server started by the app when no Redis is configured: the zero-setup default. Data lives
 * in an append-only file under {@code dataDir}, so a restart keeps what users did.
 */
final class EmbeddedRedis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

  private static final String PID_FILE = "redis.pid";

  private final RedisServer server;
  private final int port;

  private EmbeddedRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static EmbeddedRedis start(Path dataDir) {
    try {
      Path dir = dataDir.toAbsolutePath().normalize();
      Files.createDirectories(dir);
      stopOrphan(dir.resolve(PID_FILE));
      int port = freePort();
      RedisServer server = RedisServer.newRedisServer()
          .port(port)
          .bind("127.0.0.1")
          .setting("appendonly yes")
          .setting("appendfsync everysec")
          // The rewritten file is plain commands rather than an RDB preamble, so what it holds after a
          // rewrite (e.g. no trace of a closed pulse period's sealed answers) can be checked with grep.
          .setting("aof-use-rdb-preamble no")
          .setting("dir " + dir)
          .setting("save \"\"")
          .setting("pidfile " + dir.resolve(PID_FILE))
          .build();
      server.start();
      log.info("No REDIS_URL set: started an embedded Redis on 127.0.0.1:{} with its data in {} "
          + "(append-only file on). Set REDIS_URL to use your own Redis.", port, dir);
      return new EmbeddedRedis(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded Redis", e);
    }
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }

  /**
   * A redis-server left running by a killed app would share the append-only file with the new one;
   * stop it first (SIGTERM: it flushes its file and exits).
   */
  private static void stopOrphan(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String pid = Files.readString(pidFile).trim();
    try {
      ProcessHandle.of(Long.parseLong(pid))
          .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
          .ifPresent(orphan -> {
            log.info("Stopping an embedded Redis left running by an earlier start (pid {})", pid);
            orphan.destroy();
            orphan.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
          });
    } catch (NumberFormatException | java.util.concurrent.CompletionException e) {
      log.warn("Could not stop the earlier embedded Redis (pid file {}): {}", pidFile,
          e.getClass().getSimpleName());
    }
    Files.deleteIfExists(pidFile);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
