package dev.rapport.pairing;

import dev.rapport.store.Keys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * The program settings about people rather than rounds, kept as fields of the program's own hash (so they go
 * when the program stops, and {@code /coffee start} changing the rounds keeps them): onboarding buddies
 * ({@link Onboarding}) and the custom profile field that names each person's manager ({@link SkipLevel}).
 * <pre>
 * rapport:{team}:pairing:{channel}:program     HASH  also: onboarding ("on"), buddies (user group id; empty:
 *                                                    the channel), buddiesHandle, journey ("day 1, week 1, week 4"),
 *                                                    managerField (a profile field's label)
 * </pre>
 */
@Component
class ProgramExtras {

  private final UnifiedJedis redis;

  ProgramExtras(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** The program's onboarding, when it is on. */
  Optional<Onboarding> onboarding(String team, String channel) {
    List<String> f = redis.hmget(key(team, channel), "onboarding", "buddies", "buddiesHandle", "journey");
    if (!"on".equals(f.get(0))) {
      return Optional.empty();
    }
    List<JourneyStep> journey = f.get(3) == null ? JourneyStep.DEFAULT : JourneyStep.parse(f.get(3));
    boolean group = f.get(1) != null && !f.get(1).isBlank();
    return Optional.of(new Onboarding(group ? f.get(1) : null, group ? f.get(2) : null, journey));
  }

  /** Turns onboarding on with {@code onboarding}, or off (null). The program must exist. */
  void onboarding(String team, String channel, Onboarding onboarding) {
    if (onboarding == null) {
      redis.hdel(key(team, channel), "onboarding", "buddies", "buddiesHandle", "journey");
      return;
    }
    // One write: no buddy group is an empty one.
    redis.hset(key(team, channel), Map.of("onboarding", "on", "journey", JourneyStep.write(onboarding.journey()),
        "buddies", onboarding.buddyGroup() == null ? "" : onboarding.buddyGroup(),
        "buddiesHandle", onboarding.buddyGroupHandle() == null ? "" : onboarding.buddyGroupHandle()));
  }

  /** The label of the profile field that names each person's manager, if the admins named one. */
  Optional<String> managerField(String team, String channel) {
    return Optional.ofNullable(redis.hget(key(team, channel), "managerField")).filter(l -> !l.isBlank());
  }

  /** Sets (or, with null or blank, clears) the manager field's label. */
  void managerField(String team, String channel, String label) {
    if (label == null || label.isBlank()) {
      redis.hdel(key(team, channel), "managerField");
    } else {
      redis.hset(key(team, channel), "managerField", label.strip());
    }
  }

  private static String key(String team, String channel) {
    return Keys.team(team, "pairing", channel, "program");
  }
}
