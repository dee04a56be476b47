package dev.rapport.people;

/**
 * Published when a person asks Rapport to forget them in a workspace ({@link ForgetMe}). Every module that
 * keeps something about people handles it with an {@code @EventListener} and takes the person out of its data,
 * and declares which of its key families that covers ({@link dev.rapport.store.KeyLayout}). Listeners run on the
 * publishing thread, before the person is told it's done; one that throws stops the erasure, and asking again
 * runs every listener again (each is idempotent).
 */
public record MemberForgotten(String team, String user) {}
