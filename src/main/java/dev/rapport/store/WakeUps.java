package dev.rapport.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Wakes this instance's idle workers when another instance (or this one) has work for them, so they wait
 * instead of polling Redis: a store publishes on the queue's channel (the outbox after an enqueue, the
 * schedule index's script when a schedule becomes the earliest due), one subscriber connection per instance
 * hears it, and every worker waiting on that channel stops waiting. An idle instance sends Redis nothing but
 * each worker's rare fallback look (its {@code pollInterval}), which also covers a wake-up missed while the subscriber
 * reconnected; after each (re)subscription every waiter looks once. Channels are named
 * {@code rapport:{area}:wake} (no key is written; the message is "1" and means "there may be work").
 */
@Component
public class WakeUps implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WakeUps.class);

  private final UnifiedJedis redis;
  private final Map<String, Signal> signals = new ConcurrentHashMap<>();
  private final Listener listener = new Listener();
  private volatile boolean running;
  private Thread subscriber;

  WakeUps(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** The channel of a shared area's queue, e.g. {@code rapport:{outbox}:wake}. */
  public static String channel(String area) {
    return Keys.shared(area, "wake");
  }

  /** The wake-up signal of {@code channel}, one per channel per instance; register before the app starts. */
  public Signal signal(String channel) {
    return signals.computeIfAbsent(channel, c -> new Signal());
  }

  /**
   * What workers of one queue wait on. A worker notes {@link #seen()} before it looks for work and passes it
   * to {@link #await}, so a wake-up that came while it looked is not lost.
   */
  public static final class Signal {
    private long raised;

    public synchronized long seen() {
      return raised;
    }

    /** Waits up to {@code max}, or until woken after {@code seen}. */
    public synchronized void await(long seen, Duration max) throws InterruptedException {
      long deadline = System.nanoTime() + max.toNanos();
      while (raised == seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }

    /**
     * Waits until {@code next} (null: nothing known to fall due), at most {@code max}, or until woken after
     * {@code seen}; returns at once when {@code next} is not after {@code now}.
     */
    public void awaitNext(long seen, Instant now, Instant next, Duration max) throws InterruptedException {
      Duration wait = next == null || Duration.between(now, next).compareTo(max) > 0 ? max
          : Duration.between(now, next);
      if (!wait.isNegative() && !wait.isZero()) {
        await(seen, wait);
      }
    }

    /** Wakes every waiter (a published wake-up, a (re)subscription, or a stop). */
    public synchronized void raise() {
      raised++;
      notifyAll();
    }
  }

  private final class Listener extends JedisPubSub {
    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      if (!running) {
        unsubscribe(); // stopped while the subscription was on its way: stop() found nothing to unsubscribe
        return;
      }
      Signal signal = signals.get(channel);
      if (signal != null) {
        signal.raise(); // anything published while we weren't listening: look once
      }
    }

    @Override
    public void onMessage(String channel, String message) {
      Signal signal = signals.get(channel);
      if (signal != null) {
        signal.raise();
      }
    }
  }

  private void listen() {
    long backoff = 250;
    while (running) {
      try {
        redis.subscribe(listener, signals.keySet().toArray(String[]::new));
        backoff = 250;
      } catch (JedisException e) {
        if (!running) {
          return;
        }
        log.debug("Wake-up subscription lost ({}); workers fall back to polling until it is back",
            e.getClass().getSimpleName());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(5_000, backoff * 2);
      }
    }
  }

  @Override
  public void start() {
    if (signals.isEmpty()) {
      return;
    }
    running = true;
    subscriber = new Thread(this::listen, "rapport-wakeups");
    subscriber.setDaemon(true);
    subscriber.start();
  }

  @Override
  public void stop() {
    running = false;
    if (subscriber != null) {
      try {
        if (listener.isSubscribed()) {
          listener.unsubscribe();
        }
      } catch (JedisException | NullPointerException gone) {
        // the connection is already gone: the thread ends on its own
      }
      subscriber.interrupt();
    }
    signals.values().forEach(Signal::raise);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the workers (which stop first and start after), so no wake-up is missed at start. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }
}
