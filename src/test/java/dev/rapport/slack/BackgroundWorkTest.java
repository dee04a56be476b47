package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The background pool runs slow work side by side up to its size before any waits, and drains at shutdown. */
class BackgroundWorkTest {

  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  @Test
  void slowWorkRunsSideBySideUpToThePoolSizeBeforeAnyWaits() throws Exception {
    BackgroundWork work = new BackgroundWork(metrics);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    try {
      for (int i = 0; i < BackgroundWork.THREADS + 3; i++) {
        work.submit("slow " + i, () -> {
          running.incrementAndGet();
          release.await(10, TimeUnit.SECONDS);
        });
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == BackgroundWork.THREADS);
      assertThat(work.threads()).isEqualTo(BackgroundWork.THREADS);
      assertThat(metrics.get("rapport.work.queued").gauge().value()).isEqualTo(3);
    } finally {
      release.countDown();
      work.destroy();
    }
    assertThat(running.get()).isEqualTo(BackgroundWork.THREADS + 3);
  }

  @Test
  void workAcceptedBeforeShutdownStillFinishes() {
    BackgroundWork work = new BackgroundWork(metrics);
    AtomicInteger done = new AtomicInteger();
    for (int i = 0; i < 50; i++) {
      work.submit("quick " + i, () -> {
        Thread.sleep(5);
        done.incrementAndGet();
      });
    }

    work.destroy();

    assertThat(done.get()).isEqualTo(50);
    assertThat(metrics.get("rapport.work").tag("outcome", "ok").counter().count()).isEqualTo(50);
  }

  @Test
  void aFailureIsCountedAndTheNextWorkStillRuns() {
    BackgroundWork work = new BackgroundWork(metrics);
    AtomicInteger after = new AtomicInteger();
    work.submit("fail on purpose", () -> {
      throw new IllegalStateException("boom");
    });
    work.submit("after it", after::incrementAndGet);

    work.destroy();

    assertThat(after.get()).isEqualTo(1);
    assertThat(metrics.get("rapport.work").tag("outcome", "failed").counter().count()).isEqualTo(1);
  }
}
