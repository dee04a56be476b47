package dev.rapport.pairing;

import dev.rapport.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Starts onboarding journeys: when someone joins a channel whose program welcomes newcomers
 * ({@link OnboardingEvents}), or when an admin adds them with a start date ({@code /coffee onboard}). Starting one
 * only writes Redis (nothing talks to Slack before an ack): the journey, and its first step booked as a one-off
 * schedule at its start, which picks the buddy and sends the DMs ({@link JourneySteps}).
 *
 * <p>The step is booked before the journey is recorded: a crash in between leaves a step that finds no journey and
 * does nothing, never a journey nobody will start (which would keep its new hire out of the rounds).
 */
@Component
class Journeys {

  /** The schedule kind of journey steps; targets are {@link JourneyRef}s. */
  static final String KIND = "pairing-journey";

  private final ProgramStore programs;
  private final ProgramExtras extras;
  private final JourneyStore store;
  private final Schedules schedules;

  Journeys(ProgramStore programs, ProgramExtras extras, JourneyStore store, Schedules schedules) {
    this.programs = programs;
    this.extras = extras;
    this.store = store;
    this.schedules = schedules;
  }

  /** How starting a journey went. */
  enum Started { STARTED, ALREADY, NOT_ONBOARDING }

  /**
   * Starts {@code hire}'s journey in {@code channel}'s program at {@code start} (now, for someone who just joined);
   * nothing when the program doesn't welcome newcomers or they had a journey there before.
   */
  Started start(String team, String channel, String hire, Instant start, boolean joined, String by) {
    Optional<Program> program = programs.find(team, channel);
    Optional<Onboarding> onboarding = extras.onboarding(team, channel);
    if (program.isEmpty() || onboarding.isEmpty()) {
      return Started.NOT_ONBOARDING;
    }
    if (store.had(team, channel, hire)) {
      return Started.ALREADY;
    }
    List<JourneyStep> steps = onboarding.get().journey();
    List<Instant> times = new ArrayList<>();
    steps.forEach(step -> times.add(start.plus(Duration.ofDays(step.days()))));
    Journey journey = new Journey("j" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), channel,
        hire, null, start, steps, times, joined, by);
    schedules.once(team, KIND, journey.ref(0).encode(), start, Map.of());
    if (!store.create(team, journey)) {
      schedules.remove(team, KIND, journey.ref(0).encode());
      return Started.ALREADY;
    }
    return Started.STARTED;
  }

  /** When a journey that starts on {@code date} begins: the program's own hour that day, in its zone. */
  static Instant startOn(Program program, LocalDate date) {
    return date.atTime(program.cadence().time()).atZone(program.cadence().zone()).toInstant();
  }

  /** Books the nudges of a journey whose buddy is known (again, after a crash: the same schedules). */
  void bookNudges(String team, Journey journey) {
    for (int n = 1; n <= journey.steps().size(); n++) {
      schedules.once(team, KIND, journey.ref(n).encode(), journey.times().get(n - 1), Map.of());
    }
  }
}
