package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
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
  void whenWorkHasWaitedTooLongRequestsAreTurnedAwayAtTheDoorBeforeTheirHandlerRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BackgroundWork work = oneThreadHeldUntil(release, 100, Duration.ofMillis(50));
    AtomicInteger handled = new AtomicInteger();
    AtomicInteger taken = new AtomicInteger();
    try {
      work.submit("waits behind it", () -> { });
      await().atMost(Duration.ofSeconds(2)).until(work::overloaded); // the waiting one is 50 ms old

      MiddlewareChain handler = req -> {
        handled.incrementAndGet();
        return Response.ok();
      };
      Response command = work.admission().apply(command(), Response.ok(), handler);
      Response click = work.admission().apply(click(), Response.ok(), handler);

      assertThat(handled).as("no handler ran, so nothing changed").hasValue(0);
      assertThat(command.getStatusCode()).isEqualTo(200);
      assertThat(command.getBody()).contains("ephemeral").contains("very busy").contains("nothing was changed");
      assertThat(click.getStatusCode()).as("Slack shows the click as failed").isEqualTo(503);
      assertThat(work.trySubmit("housekeeping", handled::incrementAndGet)).as("skipped, done next time").isFalse();
      onAckPath(() -> work.submit("of a request let in before", taken::incrementAndGet)); // taken, no Busy
    } finally {
      release.countDown();
      work.destroy();
    }
    assertThat(handled).hasValue(0);
    assertThat(taken).as("a request let in keeps its work, even past the limit").hasValue(1);
    assertThat(metrics.get("rapport.work").tag("outcome", "refused").counter().count()).isEqualTo(2);
  }

  @Test
  void aQueueFullToCapacityRefusesARequestThreadAndMakesAJobDoTheWorkItself() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BackgroundWork work = oneThreadHeldUntil(release, 1, Duration.ofMinutes(1));
    AtomicInteger ran = new AtomicInteger();
    try {
      await().atMost(Duration.ofSeconds(2)).until(() -> work.threads() == 1);
      work.submit("fills the queue", ran::incrementAndGet);

      AtomicReference<Throwable> onRequest = new AtomicReference<>();
      onAckPath(() -> {
        try {
          work.submit("one more", ran::incrementAndGet);
        } catch (BackgroundWork.Busy busy) {
          onRequest.set(busy);
        }
      });
      assertThat(onRequest.get()).as("full to capacity: refused, to be said").isInstanceOf(BackgroundWork.Busy.class);

      String caller = Thread.currentThread().getName();
      AtomicReference<String> ranOn = new AtomicReference<>();
      work.submit("a job's follow-up", () -> ranOn.set(Thread.currentThread().getName()));
      assertThat(ranOn.get()).as("not lost: run by the job's own thread").isEqualTo(caller);
    } finally {
      release.countDown();
      work.destroy();
    }
    assertThat(ran).as("the queued one ran, the refused one never").hasValue(1);
    assertThat(metrics.get("rapport.work").tag("outcome", "inline").counter().count()).isEqualTo(1);
  }

  private static SlashCommandRequest command() {
    return new SlashCommandRequest("command=%2Fpulse&text=", new RequestHeaders(Map.of()));
  }

  private static BlockActionRequest click() {
    return new BlockActionRequest("payload=x", "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"}}",
        new RequestHeaders(Map.of()));
  }

  /** Runs {@code body} as a Slack request's handler does: on the ack path. */
  private static void onAckPath(Runnable body) throws Exception {
    AckPath.middleware().apply(new SlashCommandRequest("command=%2Fcoffee&text=", new RequestHeaders(Map.of())),
        Response.ok(), req -> {
          body.run();
          return Response.ok();
        });
  }

  /** A pool of one thread, busy until {@code release}, with a queue of {@code queue}. */
  private BackgroundWork oneThreadHeldUntil(CountDownLatch release, int queue, Duration maxWait) {
    BackgroundWork work = new BackgroundWork(metrics, 1, queue, maxWait);
    work.submit("hold the only thread", () -> release.await(10, TimeUnit.SECONDS));
    return work;
  }
}
