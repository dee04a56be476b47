package dev.rapport.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand. Until {@link #set} or {@link #advance} is called it follows real time,
 * so request timestamps and the app agree.
 */
public final class MutableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;
  private volatile Instant fixed;

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    Instant now = fixed;
    return now != null ? now : Instant.now().plus(offset);
  }

  /** Stops time at {@code instant}. */
  public void set(Instant instant) {
    fixed = instant;
  }

  public void advance(Duration duration) {
    Instant now = fixed;
    if (now != null) {
      fixed = now.plus(duration);
    } else {
      offset = offset.plus(duration);
    }
  }

  /** Back to real time. */
  public void reset() {
    fixed = null;
    offset = Duration.ZERO;
  }
}
