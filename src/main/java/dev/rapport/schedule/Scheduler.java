package dev.rapport.schedule;

import dev.rapport.store.WakeUps;
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
  private static final Duration COALESCE = Duration.ofMillis(200);

  private final ScheduleStore store;
  private final Map<String, ScheduledJob> jobs;
  private final ScheduleSettings settings;
  private final Clock clock;
  private final MeterRegistry metrics;
  /** Polls on one thread; at a stop, an occurrence running finishes (its lease covers a crash instead). */
  private final ThreadPoolTaskScheduler poller = new ThreadPoolTaskScheduler();
  private final WakeUps.Signal wake;
  private volatile boolean running;

  Scheduler(ScheduleStore store, List<ScheduledJob> jobs, ScheduleSettings settings, Clock clock,
            MeterRegistry metrics, WakeUps wakeUps) {
    this.store = store;
    this.jobs = jobs.stream().collect(Collectors.toMap(ScheduledJob::kind, Function.identity()));
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.wake = wakeUps.signal(ScheduleStore.WAKE);
    poller.setPoolSize(1);
    // Rounds and pulses are bulk CPU work: at the OS's lowest priority they yield the cores to requests
    // (with -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19, as the launch configurations set).
    poller.setThreadPriority(Thread.MIN_PRIORITY);
    poller.setThreadNamePrefix("rapport-scheduler-");
    poller.setDaemon(true);
    poller.setWaitForTasksToCompleteOnShutdown(true);
    poller.setAwaitTerminationSeconds(10);
  }

  /** Claims and runs what is due now; returns how many occurrences ran. */
  int runDue() {
    return pass().ran();
  }

  /** One claim: how many occurrences ran, whether any were claimed, and when the next one falls due. */
  private record Pass(int ran, boolean claimed, Instant next) {}

  private Pass pass() {
    Instant now = clock.instant();
    ScheduleStore.Claims claims = store.claimNext(now, settings.lease(), 50);
    int ran = 0;
    for (ScheduleStore.Claim claim : claims.claims()) {
      if (handle(claim, now)) {
        ran++;
      }
    }
    return new Pass(ran, !claims.claims().isEmpty(), claims.next());
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

  /**
   * Runs what is due until a claim comes back empty-handed, then waits: until the next schedule falls due, a
   * schedule saved on any instance due before that wakes it ({@link WakeUps}), or at most {@code pollInterval}.
   */
  private void loop() {
    while (running) {
      long seen = wake.seen();
      Instant next = null;
      Duration max = settings.pollInterval();
      try {
        Pass pass = pass();
        if (pass.claimed()) {
          continue; // more may be due
        }
        next = pass.next();
      } catch (RuntimeException e) {
        log.warn("Scheduler poll failed ({}); will try again", e.getClass().getSimpleName());
        max = max.compareTo(Duration.ofSeconds(1)) < 0 ? max : Duration.ofSeconds(1);
      }
      try {
        if (running) {
          wake.awaitNext(seen, clock.instant(), next, max);
          if (wake.seen() != seen && running) {
            // Woken by a schedule saved due now: the request saving it may still be writing what its job reads
            // (an onboarding journey's first step, run at once, failed and waited a retryDelay); a pause lets it.
            Thread.sleep(Math.min(COALESCE.toMillis(), settings.pollInterval().toMillis()));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      return;
    }
    running = true;
    BackgroundPriority.warnIfIgnored();
    poller.initialize();
    poller.execute(this::loop);
  }

  @Override
  public void stop() {
    if (running) {
      running = false;
      wake.raise();
      poller.shutdown();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
