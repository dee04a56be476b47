package dev.rapport.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.RapportApplication;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.MutableClock;
import dev.rapport.testkit.RecordingJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class SchedulerTest extends AppTest {

  @Autowired
  Schedules schedules;
  @Autowired
  Scheduler scheduler;
  @Autowired
  RecordingJob job;
  @Autowired
  ScheduleSettings settings;
  @Autowired
  ScheduleStore store;

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** These tests run the scheduler by hand ({@link #drain}); the context's own poller would race them. */
  @BeforeEach
  void pauseThePoller() {
    scheduler.stop();
  }

  @AfterEach
  void resumeThePoller() {
    scheduler.start();
  }

  @Test
  void twoInstancesOnOneRedisRunEachOf100DueOccurrencesExactlyOnce() throws Exception {
    clock.set(Instant.parse("2026-12-01T09:00:00Z"));
    for (int i = 0; i < 100; i++) {
      schedules.once(TEAM, RecordingJob.KIND, "C" + i, Instant.parse("2026-12-01T08:59:00Z"), Map.of());
    }
    try (ConfigurableApplicationContext other = secondInstance()) {
      Scheduler otherScheduler = other.getBean(Scheduler.class);
      other.getBean(MutableClock.class).set(clock.instant());

      CompletableFuture<Integer> a = CompletableFuture.supplyAsync(this::drain);
      CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> drain(otherScheduler));
      a.get();
      b.get();

      await().atMost(Duration.ofSeconds(10)).until(() -> RecordingJob.ran(jedis).size() >= 100);
      List<String> ran = RecordingJob.ran(jedis);
      assertThat(ran).hasSize(100);
      assertThat(new HashSet<>(ran)).hasSize(100);
    }
  }

  @Test
  void aMissedOccurrenceWithinGraceRunsOnceWhenTheAppComesBack() {
    clock.set(Instant.parse("2026-12-07T08:00:00Z"));
    Instant first = schedules.put(TEAM, RecordingJob.KIND, "C1",
        CadenceParser.parse("every day at 10:00 tz Europe/Berlin", BERLIN, LocalDate.of(2026, 12, 7)), Map.of());
    assertThat(first).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));

    // Down from before 10:00 until 15:00 the same day, then back: the 10:00 round runs once, late.
    clock.set(Instant.parse("2026-12-07T14:00:00Z"));
    drain();
    drain();

    assertThat(RecordingJob.ran(jedis)).containsExactly(TEAM + "|" + RecordingJob.KIND + "|C1@"
        + first.toEpochMilli());
    assertThat(schedules.nextDue(TEAM, RecordingJob.KIND, "C1")).contains(Instant.parse("2026-12-08T09:00:00Z"));
  }

  @Test
  void afterLongDowntimeMissedOccurrencesAreSkippedNotReplayed() {
    clock.set(Instant.parse("2026-12-07T08:00:00Z"));
    schedules.put(TEAM, RecordingJob.KIND, "C1",
        CadenceParser.parse("every day at 10:00 tz Europe/Berlin", BERLIN, LocalDate.of(2026, 12, 7)), Map.of());

    clock.set(Instant.parse("2026-12-10T16:00:00Z"));
    drain();

    assertThat(RecordingJob.ran(jedis)).as("three days late, beyond the %s grace", settings.grace()).isEmpty();
    assertThat(schedules.nextDue(TEAM, RecordingJob.KIND, "C1")).contains(Instant.parse("2026-12-11T09:00:00Z"));
  }

  @Test
  void aFailedOccurrenceIsRetriedAsTheSameOccurrence() {
    clock.set(Instant.parse("2026-12-07T09:00:30Z"));
    schedules.once(TEAM, RecordingJob.KIND, "C9", Instant.parse("2026-12-07T09:00:00Z"), Map.of());
    job.failNext(1);

    drain();
    assertThat(RecordingJob.ran(jedis)).isEmpty();

    clock.advance(settings.retryDelay().plusSeconds(1));
    drain();

    assertThat(RecordingJob.ran(jedis)).containsExactly(TEAM + "|" + RecordingJob.KIND + "|C9@"
        + Instant.parse("2026-12-07T09:00:00Z").toEpochMilli());
  }

  @Test
  void anOccurrenceThatAlreadyRanIsNotRunAgainAfterACrash() {
    clock.set(Instant.parse("2026-12-07T09:00:30Z"));
    schedules.once(TEAM, RecordingJob.KIND, "C5", Instant.parse("2026-12-07T09:00:00Z"), Map.of());
    Schedule schedule = schedules.get(TEAM, RecordingJob.KIND, "C5").orElseThrow();
    // The job finished and was marked done, then the instance died before rescheduling: the claim stays.
    store.claimNext(clock.instant(), Duration.ofSeconds(30), 10);
    store.markDone(Occurrence.of(schedule, Instant.parse("2026-12-07T09:00:00Z")));

    clock.advance(Duration.ofMinutes(1));
    drain();

    assertThat(RecordingJob.ran(jedis)).isEmpty();
    assertThat(schedules.nextDue(TEAM, RecordingJob.KIND, "C5")).isEmpty();
  }

  @Test
  void stoppingAScheduleRemovesItsNextRun() {
    clock.set(Instant.parse("2026-12-07T08:00:00Z"));
    schedules.put(TEAM, RecordingJob.KIND, "C2",
        CadenceParser.parse("every day at 10:00 tz UTC", BERLIN, LocalDate.of(2026, 12, 7)), Map.of());

    schedules.remove(TEAM, RecordingJob.KIND, "C2");
    clock.set(Instant.parse("2026-12-07T10:00:01Z"));
    drain();

    assertThat(RecordingJob.ran(jedis)).isEmpty();
    assertThat(schedules.get(TEAM, RecordingJob.KIND, "C2")).isEmpty();
  }

  private int drain() {
    return drain(scheduler);
  }

  private static int drain(Scheduler s) {
    int total = 0;
    int ran;
    while ((ran = s.runDue()) > 0) {
      total += ran;
    }
    return total;
  }

  private ConfigurableApplicationContext secondInstance() {
    // Command-line arguments, so they win over application.yml's ${SLACK_...} defaults.
    return new SpringApplicationBuilder(RapportApplication.class, TestBeans.class).run(
        "--server.port=0", "--management.server.port=0",
        "--rapport.slack.api-url=" + slack.apiUrl(),
        "--rapport.slack.bot-token=" + FakeSlack.tokenFor(TEAM),
        "--rapport.slack.signing-secret=" + SECRET,
        "--rapport.redis.url=" + redisUrl(),
        "--rapport.schedule.poll-interval=100ms");
  }
}
