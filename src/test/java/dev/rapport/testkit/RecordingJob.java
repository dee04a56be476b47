package dev.rapport.testkit;

import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.ScheduledJob;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.UnifiedJedis;

/**
 * A scheduled job for tests: records each occurrence it runs in Redis (so several app instances write to
 * one list) and can be told to fail a number of times first.
 */
public final class RecordingJob implements ScheduledJob {

  public static final String KIND = "test-record";
  public static final String RAN = "test:ran";

  private final UnifiedJedis redis;
  private final AtomicInteger failuresLeft = new AtomicInteger();

  public RecordingJob(UnifiedJedis redis) {
    this.redis = redis;
  }

  @Override
  public String kind() {
    return KIND;
  }

  public void failNext(int times) {
    failuresLeft.set(times);
  }

  @Override
  public void run(Occurrence occurrence) throws Exception {
    if (failuresLeft.getAndDecrement() > 0) {
      throw new IllegalStateException("told to fail");
    }
    Thread.sleep(2);
    redis.rpush(RAN, occurrence.id());
  }

  public static List<String> ran(UnifiedJedis redis) {
    return redis.lrange(RAN, 0, -1);
  }
}
