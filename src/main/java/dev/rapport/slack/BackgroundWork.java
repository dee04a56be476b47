package dev.rapport.slack;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs slow work off the request thread, so every handler acks Slack within 3 seconds. Work whose outcome
 * someone is waiting for goes through {@link AnswerLater} instead, which runs here too. Failures are logged
 * by what was being done, never with the user's content.
 *
 * <p>Up to {@value #THREADS} threads run at once, started as work arrives and ended after a minute idle;
 * beyond that, work waits in a queue of {@value #QUEUE}, and past it is refused (and counted). At shutdown,
 * work already accepted gets {@value #DRAIN_SECONDS} seconds to finish.
 */
@Component
public class BackgroundWork implements DisposableBean {

  static final int THREADS = 16;
  static final int QUEUE = 10_000;
  static final int DRAIN_SECONDS = 10;
  private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

  /** Work that may throw. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
  private final MeterRegistry metrics;

  BackgroundWork(MeterRegistry metrics) {
    this.metrics = metrics;
    // Core = max with idle core threads timing out: a pool grows to its max only when its queue is full,
    // so a smaller core would leave work queued behind a few slow tasks while threads could run it.
    executor.setCorePoolSize(THREADS);
    executor.setMaxPoolSize(THREADS);
    executor.setAllowCoreThreadTimeOut(true);
    executor.setKeepAliveSeconds(60);
    executor.setQueueCapacity(QUEUE);
    executor.setThreadNamePrefix("rapport-work-");
    executor.setDaemon(true);
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(DRAIN_SECONDS);
    executor.initialize();
    metrics.gauge("rapport.work.queued", executor, e -> e.getQueueSize());
  }

  /** Runs {@code task} soon on a worker thread; {@code what} names it in logs and metrics. */
  public void submit(String what, Task task) {
    try {
      executor.execute(() -> {
        try {
          task.run();
          metrics.counter("rapport.work", "outcome", "ok").increment();
        } catch (Exception e) {
          metrics.counter("rapport.work", "outcome", "failed").increment();
          Failures.log(what, e);
        }
      });
    } catch (TaskRejectedException e) {
      metrics.counter("rapport.work", "outcome", "rejected").increment();
      log.error("{}: background queue full, work dropped", what);
    }
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
