package dev.rapport.pairing;

import java.time.Instant;

/**
 * Someone in a coffee group said "We met" ({@code met}) or "Not this time", on the intro or a check-in. Insights
 * ask about a lasting tie some weeks after a "We met".
 *
 * @param group the group's index in its round
 */
public record MeetingAnswered(String team, String channel, String round, int group, String user, boolean met,
                              Instant at) {}
