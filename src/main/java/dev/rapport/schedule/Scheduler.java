package dev.rapport.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs due occurrences. Every poll claims due schedules atomically (so across replicas each occurrence is
 * taken by one instance), runs the feature's job, and sets the next due time from the cadence, after
 * now: after downtime a missed occurrence runs once, and only within the grace window. A job that fails
 * is tried again (same occurrence) until it succeeds or falls out of the grace window.
 */
@Component
class Scheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  private final ScheduleStore store;
  private final Map<String, ScheduledJob> jobs;
  private final ScheduleSettings settings;
  private final Clock clock;
  private final MeterRegistry metrics;
  /** Polls on one thread; at a stop, an occurrence running finishes (its lease covers a crash instead). */
  private final ThreadPoolTaskScheduler poller = new ThreadPoolTaskScheduler();
  private volatile boolean running;

  Scheduler(ScheduleStore store, List<ScheduledJob> jobs, ScheduleSettings settings, Clock clock,
            MeterRegistry metrics) {
    this.store = store;
    this.jobs = jobs.stream().collect(Collectors.toMap(ScheduledJob::kind, Function.identity()));
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    poller.setPoolSize(1);
    poller.setThreadNamePrefix("rapport-scheduler-");
    poller.setDaemon(true);
    poller.setWaitForTasksToCompleteOnShutdown(true);
    poller.setAwaitTerminationSeconds(10);
  }

  /** Claims and runs what is due now; returns how many occurrences ran. */
  int runDue() {
    Instant now = clock.instant();
    List<ScheduleStore.Claim> claims = store.claimDue(now, settings.lease(), 50);
    int ran = 0;
    for (ScheduleStore.Claim claim : claims) {
      if (handle(claim, now)) {
        ran++;
      }
    }
    return ran;
  }

  private boolean handle(ScheduleStore.Claim claim, Instant now) {
    Schedule schedule = store.find(claim).orElse(null);
    if (schedule == null) {
      store.finish(claim, null, false);
      return false;
    }
    Occurrence occurrence = Occurrence.of(schedule, claim.due());
    Duration late = Duration.between(claim.due(), now);
    if (late.compareTo(settings.grace()) > 0) {
      log.warn("Skipped {} for {} in {}: due {}, {} late, beyond the {} grace window", schedule.kind(),
          schedule.target(), schedule.team(), claim.due(), late, settings.grace());
      metrics.counter("rapport.schedule.occurrences", "kind", schedule.kind(), "outcome", "skipped").increment();
      store.finish(claim, nextAfter(schedule, now), false);
      return false;
    }
    if (store.isDone(occurrence)) {
      store.finish(claim, nextAfter(schedule, now), false);
      return false;
    }
    ScheduledJob job = jobs.get(schedule.kind());
    if (job == null) {
      log.error("No job for schedule kind {}; removing {}", schedule.kind(), schedule.id());
      store.finish(claim, null, false);
      return false;
    }
    try {
      job.run(occurrence);
      store.markDone(occurrence);
      store.finish(claim, nextAfter(schedule, now), false);
      metrics.counter("rapport.schedule.occurrences", "kind", schedule.kind(), "outcome", "ran").increment();
      return true;
    } catch (Exception e) {
      log.warn("{} for {} in {} failed ({}); trying the same occurrence again in {}", schedule.kind(),
          schedule.target(), schedule.team(), e.getClass().getSimpleName(), settings.retryDelay());
      metrics.counter("rapport.schedule.occurrences", "kind", schedule.kind(), "outcome", "failed").increment();
      store.finish(claim, now.plus(settings.retryDelay()), true);
      return false;
    }
  }

  private static Instant nextAfter(Schedule schedule, Instant now) {
    return schedule.once() ? null : schedule.cadence().next(now);
  }

  private void poll() {
    try {
      while (runDue() > 0) {
        // more may be due; keep going until a claim comes back empty-handed
      }
    } catch (RuntimeException e) {
      log.warn("Scheduler poll failed ({}); will try again", e.getClass().getSimpleName());
    }
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      return;
    }
    running = true;
    poller.initialize();
    poller.scheduleWithFixedDelay(this::poll, Instant.now().plus(settings.pollInterval()), settings.pollInterval());
  }

  @Override
  public void stop() {
    if (running) {
      running = false;
      poller.shutdown();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
