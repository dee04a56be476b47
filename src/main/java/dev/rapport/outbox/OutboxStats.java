package dev.rapport.outbox;

import java.util.List;

/** A workspace's deliveries: how many wait, how many were given up on, and the latest of those. */
public record OutboxStats(long pending, long deadLettered, List<DeadLetter> recentDeadLetters) {}
