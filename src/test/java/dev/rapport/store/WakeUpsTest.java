package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.TestRedis;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;

/** Idle workers wait for a wake-up published in Redis (by any instance) instead of polling. */
class WakeUpsTest {

  private static final Duration LONG = Duration.ofMinutes(5);

  private final JedisPooled redis = TestRedis.shared().client();
  private final WakeUps wakeUps = new WakeUps(redis);
  private final String channel = WakeUps.channel("test-" + System.nanoTime());
  private final WakeUps.Signal signal = wakeUps.signal(channel);

  @AfterEach
  void stop() {
    wakeUps.stop();
  }

  @Test
  void aPublishFromALuaScriptWakesEveryWaiter() throws Exception {
    wakeUps.start();
    awaitSubscribed();
    long seen = signal.seen();
    List<CompletableFuture<Void>> waiters = List.of(waiter(seen), waiter(seen), waiter(seen));

    redis.eval("redis.call('PUBLISH', ARGV[1], '1')", List.of(), List.of(channel));

    CompletableFuture.allOf(waiters.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    assertThat(waiters).allMatch(CompletableFuture::isDone);
  }

  @Test
  void aWakeUpWhileTheWorkerWasLookingIsNotLost() throws Exception {
    wakeUps.start();
    awaitSubscribed();
    long seen = signal.seen(); // noted before looking for work ...
    redis.publish(channel, "1"); // ... work arrives while it looks ...
    await().atMost(Duration.ofSeconds(10)).until(() -> signal.seen() != seen);

    waiter(seen).get(1, TimeUnit.SECONDS); // ... so its wait ends at once
  }

  @Test
  void withoutAWakeUpAWaiterWaitsItsFullTime() throws Exception {
    wakeUps.start();
    awaitSubscribed();
    long started = System.nanoTime();

    signal.await(signal.seen(), Duration.ofMillis(300));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void stoppingWakesWaitersSoWorkersCanEnd() throws Exception {
    wakeUps.start();
    CompletableFuture<Void> waiter = waiter(signal.seen());

    wakeUps.stop();

    waiter.get(10, TimeUnit.SECONDS);
  }

  @Test
  void afterTheSubscriptionIsCutItSubscribesAgainAndWakeUpsArriveOnceMore() throws Exception {
    TestRedis own = TestRedis.startNew(); // killing pub/sub clients on the shared server would hit other tests
    WakeUps ownWakeUps = new WakeUps(own.client());
    WakeUps.Signal ownSignal = ownWakeUps.signal(channel);
    try {
      ownWakeUps.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> ownSignal.seen() > 0);
      long before = ownSignal.seen();

      own.client().sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "pubsub");

      // Subscribed again (onSubscribe): it looks once for anything missed meanwhile ...
      await().atMost(Duration.ofSeconds(10)).until(() -> ownSignal.seen() > before);
      long seen = ownSignal.seen();
      // ... and a publish after the cut wakes a waiter again.
      CompletableFuture<Void> woken = CompletableFuture.runAsync(() -> {
        try {
          ownSignal.await(seen, LONG);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      own.client().publish(channel, "1");
      woken.get(10, TimeUnit.SECONDS);
    } finally {
      ownWakeUps.stop();
      own.stop();
    }
  }

  @Test
  void stoppingBeforeTheSubscriptionIsInPlaceStillEndsIt() {
    TestRedis own = TestRedis.startNew(); // CLIENT PAUSE on the shared server would stall other tests
    WakeUps ownWakeUps = new WakeUps(own.client());
    ownWakeUps.signal(channel);
    try {
      // Redis holds the SUBSCRIBE back for a moment, so the stop comes before the subscription is in place.
      own.client().sendCommand(Protocol.Command.CLIENT, "PAUSE", "1000", "ALL");
      ownWakeUps.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().entrySet().stream()
          .anyMatch(t -> t.getKey().getName().equals("rapport-wakeups") && Arrays.stream(t.getValue())
              .anyMatch(frame -> frame.getMethodName().equals("process")))); // SUBSCRIBE sent, no answer yet
      ownWakeUps.stop();

      await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(1500)).until(() -> {
        List<?> numsub = (List<?>) own.client().sendCommand(Protocol.Command.PUBSUB, "NUMSUB", channel);
        return ((Long) numsub.get(1)) == 0;
      });
    } finally {
      own.stop();
    }
  }

  private CompletableFuture<Void> waiter(long seen) {
    return CompletableFuture.runAsync(() -> {
      try {
        signal.await(seen, LONG);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /** The subscription raises the signal once when it is in place (a look for anything missed before). */
  private void awaitSubscribed() {
    await().atMost(Duration.ofSeconds(10)).until(() -> signal.seen() > 0);
  }
}
