package dev.rapport.pairing;

import java.time.Instant;
import java.util.List;

/**
 * One new hire's onboarding journey in a channel's program: who the buddy is (null until picked, at the start),
 * when it starts (the intro), and when each nudge comes ({@code times}, one per step). It ends with its last
 * nudge; from then on the new hire is in the program's regular rounds.
 *
 * @param joined whether it started because they joined the channel (else an admin added them with a date)
 * @param by the admin who added them, or null
 */
record Journey(String id, String channel, String hire, String buddy, Instant start, List<JourneyStep> steps,
               List<Instant> times, boolean joined, String by) {

  Journey {
    steps = List.copyOf(steps);
    times = List.copyOf(times);
    if (steps.size() != times.size()) {
      throw new IllegalArgumentException("one time per step");
    }
  }

  Instant ends() {
    return times.isEmpty() ? start : times.get(times.size() - 1);
  }

  Journey withBuddy(String newBuddy) {
    return new Journey(id, channel, hire, newBuddy, start, steps, times, joined, by);
  }

  /** Step {@code n} of the journey's schedule: 0 is the start (buddy, then intro), 1.. the nudges. */
  JourneyRef ref(int n) {
    return new JourneyRef(channel, id, n);
  }
}
