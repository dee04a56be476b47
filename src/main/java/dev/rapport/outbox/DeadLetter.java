package dev.rapport.outbox;

import java.time.Instant;

/** A delivery that was given up on, with Slack's last error, for admins to see. */
public record DeadLetter(String id, String team, String kind, String tag, String error, int attempts,
                         Instant at) {}
