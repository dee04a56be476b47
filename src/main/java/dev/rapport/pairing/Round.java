package dev.rapport.pairing;

import java.time.Instant;
import java.util.List;

/**
 * One round of a program: its groups (member ids; a forgotten member shows as {@link #FORGOTTEN}), who
 * was left out (alone in the pool, or impossible to place with everyone's do-not-pair choices), and what
 * was true when it was formed.
 *
 * @param firstMeetings groups in which nobody had met before
 * @param crossTeam groups spanning departments, of {@code crossTeamKnown} with two or more known
 * @param ends when its cycle ends: the next round the program expected when this one was formed (null for
 *     rounds from before it was recorded)
 * @param places per group, where and how it meets and why ("In person at Berlin…"), in programs by office;
 *     empty otherwise
 */
record Round(String channel, String id, Instant at, int pool, List<List<String>> groups, List<String> leftOut,
             int firstMeetings, int crossTeam, int crossTeamKnown, Instant ends, List<String> places) {

  static final String FORGOTTEN = "-";

  Round {
    groups = groups.stream().map(List::copyOf).toList();
    leftOut = List.copyOf(leftOut);
    places = List.copyOf(places);
  }

  /** A round whose groups meet wherever they like. */
  Round(String channel, String id, Instant at, int pool, List<List<String>> groups, List<String> leftOut,
        int firstMeetings, int crossTeam, int crossTeamKnown, Instant ends) {
    this(channel, id, at, pool, groups, leftOut, firstMeetings, crossTeam, crossTeamKnown, ends, List.of());
  }

  /** Where group {@code index} meets and why, if the program says. */
  java.util.Optional<String> place(int index) {
    return index < places.size() && !places.get(index).isEmpty() ? java.util.Optional.of(places.get(index))
        : java.util.Optional.empty();
  }

  /** When the cycle ends; rounds from before that was recorded last {@code cycle}. */
  Instant endsOr(java.time.Duration cycle) {
    return ends != null ? ends : at.plus(cycle);
  }

  /** Group {@code index} without members who asked to be forgotten. */
  List<String> members(int index) {
    return named(groups.get(index));
  }

  /** Everyone placed in a group, without members who asked to be forgotten. */
  List<String> placed() {
    return named(groups.stream().flatMap(List::stream).toList());
  }

  /** {@code users} without the members who asked to be forgotten: the one place that leaves them out. */
  static List<String> named(List<String> users) {
    return users.stream().filter(u -> !isForgotten(u)).toList();
  }

  static boolean isForgotten(String user) {
    return FORGOTTEN.equals(user);
  }

  /** The index of {@code user}'s group, or -1. */
  int groupOf(String user) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).contains(user)) {
        return i;
      }
    }
    return -1;
  }
}
