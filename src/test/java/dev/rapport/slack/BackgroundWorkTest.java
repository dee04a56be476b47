package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The background pool runs slow work side by side up to its size before any waits, drains at shutdown, and
 * under overload refuses new work where someone can still be told, never dropping work it took.
 */
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

  @Test
  void whenWorkHasWaitedTooLongARequestThreadIsRefusedAndAJobDoesTheWorkItself() throws Exception {
    BackgroundWork work = new BackgroundWork(metrics, 1, 100, Duration.ofMillis(50));
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    try {
      work.submit("hold the only thread", () -> release.await(10, TimeUnit.SECONDS));
      work.submit("waits behind it", ran::incrementAndGet);
      await().pollDelay(Duration.ofMillis(60)).atMost(Duration.ofSeconds(2)).until(() -> true);

      AtomicReference<Throwable> onRequest = new AtomicReference<>();
      onAckPath(() -> {
        try {
          work.submit("a modal to open", ran::incrementAndGet);
        } catch (BackgroundWork.Busy busy) {
          onRequest.set(busy);
        }
      });
      assertThat(onRequest.get()).as("refused before the ack, to be said").isInstanceOf(BackgroundWork.Busy.class)
          .hasMessageContaining("try again");
      assertThat(work.trySubmit("housekeeping", ran::incrementAndGet)).as("skipped, done next time").isFalse();

      String caller = Thread.currentThread().getName();
      AtomicReference<String> ranOn = new AtomicReference<>();
      work.submit("a job's follow-up", () -> ranOn.set(Thread.currentThread().getName()));
      assertThat(ranOn.get()).as("not lost: run by the job's own thread").isEqualTo(caller);
    } finally {
      release.countDown();
      work.destroy();
    }
    assertThat(ran.get()).as("the refused and the skipped never ran; the queued one did").isEqualTo(1);
    assertThat(metrics.get("rapport.work").tag("outcome", "refused").counter().count()).isEqualTo(1);
    assertThat(metrics.get("rapport.work").tag("outcome", "inline").counter().count()).isEqualTo(1);
  }

  @Test
  void aFullQueueRefusesARequestThreadToo() throws Exception {
    BackgroundWork work = new BackgroundWork(metrics, 1, 1, Duration.ofMinutes(1));
    CountDownLatch release = new CountDownLatch(1);
    try {
      work.submit("hold the only thread", () -> release.await(10, TimeUnit.SECONDS));
      await().atMost(Duration.ofSeconds(2)).until(() -> work.threads() == 1);
      work.submit("fills the queue", () -> { });
      AtomicReference<Throwable> onRequest = new AtomicReference<>();
      onAckPath(() -> {
        try {
          work.submit("one more", () -> { });
        } catch (BackgroundWork.Busy busy) {
          onRequest.set(busy);
        }
      });
      assertThat(onRequest.get()).isInstanceOf(BackgroundWork.Busy.class);
    } finally {
      release.countDown();
      work.destroy();
    }
  }

  /** Runs {@code body} as a Slack request's handler does: on the ack path. */
  private static void onAckPath(Runnable body) throws Exception {
    AckPath.middleware().apply(new SlashCommandRequest("command=%2Fcoffee&text=", new RequestHeaders(Map.of())),
        Response.ok(), req -> {
          body.run();
          return Response.ok();
        });
  }
}
