package dev.rapport.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How one coffee program is doing, round by round, behind k: the meeting rate (people whose intro arrived who
 * met), the first-meeting rate (groups in which nobody had met before, of the round's people), participation
 * (people placed, of the channel's people who could take part), the lasting-tie rate, and plain advice when a
 * rate falls.
 *
 * @param pool people taking part in the latest round (-1: fewer than k)
 * @param tiesAsked people asked about a lasting tie (-1: fewer than k)
 */
public record ProgramHealth(String channel, String cadence, long pool, List<Round> rounds, Rate lastingTies,
                            long tiesAsked, List<String> advice) {

  /** One round's rates, each hidden under k. */
  public record Round(String id, Instant at, Rate meeting, Rate firstMeeting, Rate participation) {}

  /** Rounds compared when looking for a fall: the latest this many against the ones before. */
  static final int WINDOW = 3;
  /** A fall worth a word: this many percentage points or more. */
  static final double FALL = 10.0;
  /** Programs larger than this meet less often; splitting them is the first advice. */
  static final int LARGE = 40;

  /** Plain advice for the rates that fell, oldest rounds first in {@code rounds}. */
  static List<String> advice(List<Round> rounds, long pool) {
    List<String> advice = new ArrayList<>();
    fall(rounds, Round::meeting).ifPresent(f -> advice.add("Fewer people are meeting: the meeting rate went from "
        + f + " over the last rounds. " + (pool > LARGE
        ? "Large programs meet less often than small ones (at NPR a 29-person department program met 81% of the "
            + "time, a 110-person company-wide one 54%): consider splitting this one by department, or a slower "
            + "cadence, in `/coffee settings`."
        : "A slower cadence gives groups more time to find a slot: `/coffee settings` changes it.")));
    fall(rounds, Round::firstMeeting).ifPresent(f -> advice.add("More groups have met before: the first-meeting "
        + "rate went from " + f + ". The pool has been through most pairs; new people joining the channel, or "
        + "groups of 3, bring new faces."));
    fall(rounds, Round::participation).ifPresent(f -> advice.add("Fewer of the channel's people take part: "
        + "participation went from " + f + ", as people pause or leave. A word in the channel on why it's worth "
        + "the time, or a slower cadence, often helps."));
    return advice;
  }

  /** "78% to 55%" when the rate fell by {@link #FALL} points or more between the two windows. */
  private static java.util.Optional<String> fall(List<Round> rounds, Function<Round, Rate> rate) {
    List<Rate> shown = rounds.stream().map(rate).filter(Rate::shown).toList();
    if (shown.size() < 2 * WINDOW) {
      return java.util.Optional.empty();
    }
    double before = average(shown.subList(shown.size() - 2 * WINDOW, shown.size() - WINDOW));
    double after = average(shown.subList(shown.size() - WINDOW, shown.size()));
    return before - after >= FALL ? java.util.Optional.of(Math.round(before) + "% to " + Math.round(after) + "%")
        : java.util.Optional.empty();
  }

  private static double average(List<Rate> rates) {
    long part = rates.stream().mapToLong(Rate::part).sum();
    long whole = rates.stream().mapToLong(Rate::whole).sum();
    return 100.0 * part / whole;
  }
}
