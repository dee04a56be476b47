/**
 * Connection insights: the cross-team connection map, lasting ties, program health and the pulse with its
 * milestones, every figure behind the pulse's k (nothing shown describes fewer than k people). Reads pairing's
 * rounds and the pulse's shown results; keeps only what those modules don't (departments of a round, lasting-tie
 * answers, milestones). {@code /coffee insights} uploads its charts; the dashboard shows the rest.
 */
@ApplicationModule(displayName = "Connection insights",
    allowedDependencies = {"outbox", "pairing", "people", "pulse", "schedule", "slack", "store"})
package dev.rapport.insights;

import org.springframework.modulith.ApplicationModule;
