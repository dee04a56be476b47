package dev.rapport.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.store.LuaScript;
import dev.rapport.testkit.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * Idle schedulers wait until the earliest due time they saw, so indexing a schedule wakes them only when it
 * is due before that: a burst of later schedules (a program and its reminders) wakes nobody. A server of its
 * own, as pub/sub channels are shared by every database of a server.
 */
class ScheduleWakeUpTest {

  private final TestRedis server = TestRedis.startNew();
  private final JedisPooled redis = server.client();
  private final LuaScript index = LuaScript.load("schedule/index");
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final JedisPubSub listener = new JedisPubSub() {
    @Override
    public void onMessage(String channel, String message) {
      heard.add(message);
    }
  };

  @AfterEach
  void stop() {
    listener.unsubscribe();
    server.stop();
  }

  @Test
  void onlyAScheduleDueBeforeAllOthersWakesTheSchedulers() {
    CompletableFuture.runAsync(() -> redis.subscribe(listener, ScheduleStore.WAKE));
    await().atMost(Duration.ofSeconds(10)).until(listener::isSubscribed);

    put("T1|coffee|C1", 10_000); // the first: wakes
    put("T1|coffee|C2", 20_000); // after C1: the schedulers wake for C1 anyway
    put("T1|coffee|C3", 5_000); // before C1: wakes
    redis.publish(ScheduleStore.WAKE, "end");

    await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("end"));
    assertThat(heard).containsExactly("1", "1", "end");
  }

  private void put(String id, long dueMs) {
    index.run(redis, List.of(ScheduleStore.DUE, ScheduleStore.CLAIMS),
        List.of(id, String.valueOf(dueMs), ScheduleStore.WAKE));
  }
}
