package dev.rapport.slack;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs slow work off the request thread, so every handler acks Slack within 3 seconds. Failures are
 * logged by what was being done, never with the user's content.
 */
@Component
public class BackgroundWork implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

  /** Work that may throw. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  /** Work whose reply goes to whoever asked. */
  @FunctionalInterface
  public interface Answer {
    Reply run() throws Exception;
  }

  private final ThreadPoolExecutor executor;
  private final MeterRegistry metrics;
  private final SlackGateway slack;

  BackgroundWork(MeterRegistry metrics, SlackGateway slack) {
    this.metrics = metrics;
    this.slack = slack;
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(4, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
        r -> {
          Thread t = new Thread(r, "rapport-work-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    metrics.gauge("rapport.work.queued", executor, e -> e.getQueue().size());
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
          Failures.describe(what, e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      metrics.counter("rapport.work", "outcome", "rejected").increment();
      log.error("{}: background queue full, work dropped", what);
    }
  }

  /**
   * Runs {@code answer} off the request thread and posts its reply (ephemeral) to the command's or action's
   * {@code responseUrl} (nothing when the reply is {@link Reply#none}, e.g. a modal was opened); if it fails,
   * the person is told what went wrong instead, in plain words.
   */
  public void answerLater(String what, String responseUrl, Answer answer) {
    submit(what, () -> {
      Reply reply;
      try {
        reply = answer.run();
      } catch (Exception e) {
        reply = Reply.text(Failures.describe(what, e));
      }
      if (responseUrl != null && !responseUrl.isBlank() && !reply.isNone()) {
        slack.respond(responseUrl, reply);
      }
    });
  }

  @Override
  public void destroy() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
