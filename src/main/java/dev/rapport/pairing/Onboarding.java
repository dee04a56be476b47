package dev.rapport.pairing;

import dev.rapport.slack.Mrkdwn;
import java.util.List;

/**
 * Onboarding buddies on a channel's program: someone who joins the channel (or whom an admin adds with a start
 * date) gets a buddy, an intro and a short journey of nudges, then joins the program's regular rounds. An option
 * of the program rather than a program type of its own: whatever way a program forms its groups, newcomers are
 * welcomed the same way, and the rounds they join afterwards are that program's.
 *
 * @param buddyGroup the Slack user group buddies come from ({@code S…}), or null for the channel's
 *     longer-standing members
 * @param buddyGroupHandle that group's handle, for people to read ("mentors")
 */
record Onboarding(String buddyGroup, String buddyGroupHandle, List<JourneyStep> journey) {

  Onboarding {
    journey = List.copyOf(journey);
  }

  static Onboarding defaults() {
    return new Onboarding(null, null, JourneyStep.DEFAULT);
  }

  /** Where buddies come from, in words: "@mentors" or "the channel's longer-standing members". */
  String pool() {
    // The handle, escaped: a real <!subteam^…> would ping the whole group.
    return buddyGroup == null ? "the channel's longer-standing members"
        : "the user group " + Mrkdwn.escape("@" + buddyGroupHandle);
  }

  String describe() {
    return "buddies from " + pool() + "; an intro, then nudges on " + JourneyStep.describe(journey);
  }
}
