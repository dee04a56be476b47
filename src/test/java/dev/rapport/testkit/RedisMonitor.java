package dev.rapport.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

/**
 * What a Redis server is sent while some work runs, as {@code MONITOR} prints it: one line per command, e.g.
 * {@code 1700000000.1 [3 127.0.0.1:5000] "ZSCORE" "key" "member"}, where a command a script ran says
 * {@code [3 lua]}. Markers echoed before and after the work cut out exactly the lines in between; the server
 * may be shared, so callers pick their lines by key.
 */
public final class RedisMonitor {

  /** The work whose commands are watched. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  private static final Pattern WORD = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private RedisMonitor() {
  }

  /** The lines MONITOR printed while {@code work} ran on the Redis at {@code port}, markers included. */
  public static List<String> during(int port, Work work) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Jedis monitor = new Jedis("127.0.0.1", port);
    Thread watcher = new Thread(() -> {
      try {
        monitor.monitor(new JedisMonitor() {
          @Override
          public void onCommand(String command) {
            lines.add(command);
          }
        });
      } catch (RuntimeException closed) {
        // the connection was closed: watching is over
      }
    }, "redis-monitor");
    watcher.setDaemon(true);
    watcher.start();
    String start = "monitor-start-" + UUID.randomUUID();
    String end = "monitor-end-" + UUID.randomUUID();
    try (Jedis marker = new Jedis("127.0.0.1", port)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> {
        marker.echo(start);
        return indexOf(lines, start) >= 0;
      });
      work.run();
      marker.echo(end);
      await().atMost(Duration.ofSeconds(5)).until(() -> indexOf(lines, end) >= 0);
    } finally {
      monitor.close();
      watcher.join(5000);
    }
    return List.copyOf(lines.subList(indexOf(lines, start), indexOf(lines, end) + 1));
  }

  /** The quoted words of a line: the command, then its arguments (as MONITOR escapes them). */
  public static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(line);
    while (m.find()) {
      words.add(m.group(1));
    }
    return words;
  }

  /** Whether a script ran the command of {@code line} (rather than a client sending it). */
  public static boolean fromScript(String line) {
    return line.contains(" lua]");
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i;
      }
    }
    return -1;
  }
}
