package dev.rapport.outbox;

/**
 * A short pause between chunks of big background jobs (a 10,000-member round queues 5,000 intros):
 * spread over a second instead of a burst, they leave CPU and Redis to the commands people are waiting
 * for. Only ever called off the request thread, between chunks.
 */
public final class Pace {

  static final long PAUSE_MILLIS = 10;

  private Pace() {}

  public static void breathe() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
