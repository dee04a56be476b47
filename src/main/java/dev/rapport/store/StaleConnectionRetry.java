package dev.rapport.store;

import java.net.SocketTimeoutException;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.executors.CommandExecutor;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.util.IOUtils;

/**
 * Runs commands on pooled connections without checking each one first (a {@code PING} before every command
 * doubled Redis's work and every command's round trips). After Redis restarts or fails over, the idle
 * connections in the pool are dead: the first command on one fails with a connection error (never a
 * timeout: the socket is closed), and then every idle connection is dropped and the command runs once more on
 * a fresh one, so the first requests after recovery succeed as they did with a check on borrow. A timeout
 * is not retried; while Redis is away the retry fails too and the error goes up. The cost: a connection lost
 * after Redis ran a command but before its reply arrived looks the same as a stale one, so that command runs
 * twice. Rapport's writes that matter are idempotent scripts (enqueue, claims come back as uncertain; the
 * replay check finds the request's own mark and lets it in); a counter such as a reaction count can be one
 * too high after such a failure.
 */
final class StaleConnectionRetry implements CommandExecutor {

  private final PooledConnectionProvider provider;

  StaleConnectionRetry(PooledConnectionProvider provider) {
    this.provider = provider;
  }

  @Override
  public <T> T executeCommand(CommandObject<T> command) {
    try (Connection connection = provider.getConnection()) {
      return connection.executeCommand(command);
    } catch (JedisConnectionException e) {
      if (timedOut(e)) {
        throw e;
      }
      provider.getPool().clear(); // the rest of the idle connections are as dead as this one was
    }
    try (Connection connection = provider.getConnection()) {
      return connection.executeCommand(command);
    }
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    IOUtils.closeQuietly(provider);
  }
}
