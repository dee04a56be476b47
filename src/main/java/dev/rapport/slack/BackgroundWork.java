package dev.rapport.slack;

import com.google.gson.Gson;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs slow work off the request thread, so every handler acks Slack within 3 seconds. Work whose outcome
 * someone is waiting for goes through {@link AnswerLater} instead, which runs here too. Failures are logged
 * by what was being done, never with the user's content.
 *
 * <p>Up to {@value #THREADS} threads run at once, started as work arrives and ended after a minute idle;
 * beyond that, work waits in a queue of at most {@value #QUEUE}. Work is never dropped once taken. Load is
 * shed at the door instead ({@link #admission}): once the oldest waiting work has waited {@link #MAX_WAIT}
 * (a modal's trigger expires 3 seconds after the click, and an answer that late is no answer) or the queue
 * is full, a Slack request is answered "busy" before its handler runs, so it has changed nothing. Work
 * handed over by a job or at start-up while the queue is full runs on the caller's own thread. At
 * shutdown, work already accepted gets {@value #DRAIN_SECONDS} seconds to finish.
 */
@Component
public class BackgroundWork implements DisposableBean {

  static final int THREADS = 16;
  static final int QUEUE = 10_000;
  static final int DRAIN_SECONDS = 10;
  static final Duration MAX_WAIT = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);
  private static final Gson GSON = new Gson();

  /** Refused before a handler ran: too much work waits already. Shown to the person as is. */
  public static final class Busy extends UserError {
    Busy() {
      super(":hourglass_flowing_sand: Rapport is very busy this moment and couldn't take that on, so nothing was "
          + "changed. Please try again in a minute.");
    }
  }

  /** Queued work and when it was queued, so the age of the oldest waiting work can be read. */
  private record Queued(long at, Runnable work) implements Runnable {
    @Override
    public void run() {
      work.run();
    }
  }

  /** Work that may throw. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
  private final MeterRegistry metrics;

  private final long maxWaitNanos;
  private final AtomicLong lastRefusalLogged = new AtomicLong();

  @Autowired
  BackgroundWork(MeterRegistry metrics) {
    this(metrics, THREADS, QUEUE, MAX_WAIT);
  }

  BackgroundWork(MeterRegistry metrics, int threads, int queue, Duration maxWait) {
    this.metrics = metrics;
    this.maxWaitNanos = maxWait.toNanos();
    // Core = max with idle core threads timing out: a pool grows to its max only when its queue is full,
    // so a smaller core would leave work queued behind a few slow tasks while threads could run it.
    executor.setCorePoolSize(threads);
    executor.setMaxPoolSize(threads);
    executor.setAllowCoreThreadTimeOut(true);
    executor.setKeepAliveSeconds(60);
    executor.setQueueCapacity(queue);
    executor.setThreadNamePrefix("rapport-work-");
    executor.setDaemon(true);
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(DRAIN_SECONDS);
    executor.initialize();
    metrics.gauge("rapport.work.queued", executor, e -> e.getQueueSize());
  }

  /**
   * Runs {@code task} soon on a worker thread; {@code what} names it in logs and metrics. A request was
   * admitted before its handler ran ({@link #admission}), so its work is taken even past the soft limit.
   *
   * @throws Busy on a request thread (before its ack) only when the queue is full to its capacity
   */
  public void submit(String what, Task task) {
    Runnable work = () -> {
      try {
        task.run();
        metrics.counter("rapport.work", "outcome", "ok").increment();
      } catch (Exception e) {
        metrics.counter("rapport.work", "outcome", "failed").increment();
        Failures.log(what, e);
      }
    };
    try {
      executor.execute(new Queued(System.nanoTime(), work));
    } catch (TaskRejectedException full) {
      if (AckPath.active()) {
        refused(what);
        throw new Busy();
      }
      metrics.counter("rapport.work", "outcome", "inline").increment();
      work.run(); // a job or start-up: it does the work itself rather than lose it
    }
  }

  /**
   * Housekeeping that the next request does again if it isn't done now (a token to rotate soon, the bot's
   * identity to refresh): queued like {@link #submit}, or not at all when too much work waits. Never throws.
   */
  boolean trySubmit(String what, Task task) {
    if (overloaded()) {
      metrics.counter("rapport.work", "outcome", "skipped").increment();
      return false;
    }
    try {
      submit(what, task);
      return true;
    } catch (Busy busy) {
      return false;
    }
  }

  /**
   * The door, as the second middleware (after {@link AckPath}'s marker): while too much work waits, a Slack
   * request is answered before its handler runs, so it has changed nothing: a command with the
   * {@link Busy} words (ephemeral), anything else with 503 (Slack shows a click or a modal submission as
   * failed, with the input kept, and delivers an event again later).
   */
  Middleware admission() {
    return (req, resp, chain) -> {
      if (!overloaded()) {
        return chain.next(req);
      }
      refused(req.getRequestType().name());
      if (req.getRequestType() == RequestType.Command) {
        return Response.json(200, "{\"response_type\":\"ephemeral\",\"text\":"
            + GSON.toJson(new Busy().getMessage()) + "}");
      }
      return Response.builder().statusCode(503).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
          .body("{\"ok\":false,\"error\":\"busy, retry later\"}").build();
    };
  }

  private void refused(String what) {
    metrics.counter("rapport.work", "outcome", "refused").increment();
    long now = System.nanoTime();
    long logged = lastRefusalLogged.get();
    if (now - logged > 10_000_000_000L && lastRefusalLogged.compareAndSet(logged, now)) {
      log.warn("{}: too much background work waiting, refused before the handler (each one is counted in "
          + "rapport_work_total, outcome refused)", what);
    }
  }

  /** Whether the queue is full, or its oldest work has waited {@link #MAX_WAIT} already. */
  boolean overloaded() {
    BlockingQueue<Runnable> waiting = executor.getThreadPoolExecutor().getQueue();
    if (waiting.remainingCapacity() == 0) {
      return true;
    }
    return waiting.peek() instanceof Queued oldest && System.nanoTime() - oldest.at() > maxWaitNanos;
  }

  /** How many threads run work now (for tests of the pool's sizing). */
  int threads() {
    return executor.getPoolSize();
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }
}
