package dev.rapport.pairing;

import dev.rapport.outbox.DeadLetter;
import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.DeliveryListener;
import dev.rapport.outbox.Outbox;
import dev.rapport.people.Directory;
import dev.rapport.people.Profile;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.ScheduledJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Runs the steps of onboarding journeys ({@link Journeys#KIND}). Step 0, at the start: the buddy is picked
 * ({@link BuddyPicker}), the nudges are booked, and the buddy gets a DM; only once that DM has landed (or Slack
 * refused it) is the intro to both queued, so the buddy always hears first. Steps 1..n: a nudge each, with an
 * icebreaker. Every message has its own delivery key, so a step run again after a crash sends nothing twice.
 */
@Component
class JourneySteps implements ScheduledJob, DeliveryListener {

  static final String BUDDY_TAG = "pairing-journey-buddy";

  /** How long a first step waits for its journey to be written before it counts as never recorded. */
  static final Duration RECORDING = Duration.ofMinutes(2);

  private final JourneyStore store;
  private final Journeys journeys;
  private final ProgramStore programs;
  private final ProgramExtras extras;
  private final BuddyPicker picker;
  private final Directory directory;
  private final IcebreakerSource icebreakers;
  private final Outbox outbox;
  private final Clock clock;

  JourneySteps(JourneyStore store, Journeys journeys, ProgramStore programs, ProgramExtras extras,
               BuddyPicker picker, Directory directory, IcebreakerSource icebreakers, Outbox outbox, Clock clock) {
    this.store = store;
    this.journeys = journeys;
    this.programs = programs;
    this.extras = extras;
    this.picker = picker;
    this.directory = directory;
    this.icebreakers = icebreakers;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return Journeys.KIND;
  }

  @Override
  public String tag() {
    return BUDDY_TAG;
  }

  @Override
  public void run(Occurrence occurrence) throws Exception {
    String team = occurrence.team();
    Optional<JourneyRef> ref = JourneyRef.parse(occurrence.target());
    Optional<Journey> journey = ref.flatMap(r -> store.find(team, r.journey()));
    if (journey.isEmpty()) {
      // The first step is booked just before its journey is written: an instance may claim it in between.
      // Shortly after it fell due, that's the likely reason (the scheduler tries again after its retry delay);
      // later, the journey was forgotten or never recorded (a crash right after booking).
      if (ref.isPresent() && ref.get().step() == 0 && clock.instant().isBefore(occurrence.dueAt().plus(RECORDING))) {
        throw new IllegalStateException("journey " + ref.get().journey() + " not recorded yet");
      }
      return;
    }
    if (ref.get().step() == 0) {
      begin(team, journey.get(), occurrence.dueAt());
    } else {
      nudge(team, journey.get(), ref.get().step());
    }
  }

  private void begin(String team, Journey journey, Instant now) throws Exception {
    Optional<Program> program = programs.find(team, journey.channel());
    Optional<Onboarding> onboarding = extras.onboarding(team, journey.channel());
    Profile hire = directory.profiles(team, List.of(journey.hire())).get(journey.hire());
    if (program.isEmpty() || onboarding.isEmpty() || hire == null || !hire.isHuman()
        || hire.guest() && !program.get().guests()) {
      store.delete(team, journey); // a bot, a program stopped meanwhile: nothing to welcome
      return;
    }
    Journey j = journey;
    if (j.buddy() == null) {
      Optional<String> buddy = picker.pick(team, program.get(), onboarding.get(), j, now);
      if (buddy.isEmpty()) {
        noBuddy(team, j, onboarding.get());
        return;
      }
      j = j.withBuddy(buddy.get());
      if (!store.update(team, j)) {
        return; // the new hire asked to be forgotten while their buddy was picked: no welcome, no nudges
      }
    }
    journeys.bookNudges(team, j);
    outbox.send(Delivery.dm(team, List.of(j.buddy()), j.ref(0).deliveryKey("buddy"), JourneyMessages.buddyFirst(j),
            null)
        .withTag(BUDDY_TAG, Map.of("journey", j.id()))
        .about("pairing", j.channel(), "onboarding buddy"));
  }

  /** Nobody could buddy them: the journey goes (they're in the rounds from the next one), and the admins hear. */
  private void noBuddy(String team, Journey j, Onboarding onboarding) {
    if (!store.delete(team, j)) {
      return; // the new hire asked to be forgotten while the pool was searched: nobody hears their name
    }
    List<Delivery> notes = new ArrayList<>();
    Set<String> admins = new TreeSet<>(programs.runners(team, j.channel()));
    if (j.by() != null) {
      admins.add(j.by());
    }
    for (String admin : admins) {
      notes.add(Delivery.dm(team, List.of(admin), j.ref(0).deliveryKey("nobuddy:" + admin),
          JourneyMessages.noBuddy(j, onboarding), null).about("pairing", j.channel(), "no onboarding buddy"));
    }
    outbox.sendAll(notes);
  }

  /** The buddy's DM landed: now the intro to both. */
  @Override
  public void delivered(Delivery delivery, String channel, String ts) throws Exception {
    intro(delivery.team(), delivery.context().get("journey"));
  }

  /** Slack wouldn't take the buddy's DM: the intro still goes, since it tells them both. */
  @Override
  public void failed(Delivery delivery, DeadLetter letter) throws Exception {
    intro(delivery.team(), delivery.context().get("journey"));
  }

  private void intro(String team, String id) throws Exception {
    Optional<Journey> found = id == null ? Optional.empty() : store.find(team, id);
    if (found.isEmpty() || found.get().buddy() == null) {
      return;
    }
    Journey j = found.get();
    List<String> pair = List.of(j.hire(), j.buddy());
    Map<String, Profile> profiles = directory.profiles(team, pair);
    IntroMessage.When when = IntroMessage.when(pair, profiles, j.start());
    Icebreaker icebreaker = icebreakers.deck(team).pick((j.id() + "|0").hashCode());
    outbox.send(Delivery.dm(team, pair, j.ref(0).deliveryKey("intro"), JourneyMessages.introText(j),
            JourneyMessages.intro(j, icebreaker, when.meetAt(), when.noZone(), Participants.names(pair, profiles)))
        .about("pairing", j.channel(), "onboarding intro"));
  }

  private void nudge(String team, Journey j, int step) throws Exception {
    if (j.buddy() == null || step > j.steps().size() || programs.find(team, j.channel()).isEmpty()) {
      return; // no buddy yet (or ever), or the program stopped meanwhile
    }
    boolean inChannel = directory.members(team, j.channel()).contains(j.hire());
    Icebreaker icebreaker = icebreakers.deck(team).pick((j.id() + "|" + step).hashCode());
    outbox.send(Delivery.dm(team, List.of(j.hire(), j.buddy()), j.ref(step).deliveryKey("nudge" + step),
            JourneyMessages.nudgeText(j, step), JourneyMessages.nudge(j, step, icebreaker, inChannel))
        .about("pairing", j.channel(), "onboarding nudge"));
  }
}
