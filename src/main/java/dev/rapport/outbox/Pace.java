package dev.rapport.outbox;

import java.util.function.LongSupplier;

/**
 * Keeps a big background job (a 10,000-member round queues 5,000 intros) to a share of one core: between
 * chunks it rests four times as long as the chunk took. Spread over a few seconds instead of a burst, such a
 * job leaves CPU, garbage collection and Redis to the commands people are waiting for; nothing it does is
 * urgent to the millisecond (deliveries go out at Slack's pace anyway). One per job run, off the request
 * threads.
 */
public final class Pace {

  /** Rest per unit of work: the job uses at most a fifth of a core. */
  static final long REST_PER_WORK = 4;
  static final long MIN_REST_NANOS = 1_000_000;

  /** How the pace waits; a seam so tests need not sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private long workStarted;

  Pace(LongSupplier nanoTime, Sleeper sleeper) {
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.workStarted = nanoTime.getAsLong();
  }

  /** A pace for one run of a job, starting now. */
  public static Pace start() {
    return new Pace(System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  /** Between two chunks: rests in proportion to the work done since the last rest. */
  public void breathe() {
    long worked = nanoTime.getAsLong() - workStarted;
    try {
      sleeper.sleep(Math.max(MIN_REST_NANOS, worked * REST_PER_WORK));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workStarted = nanoTime.getAsLong();
  }
}
