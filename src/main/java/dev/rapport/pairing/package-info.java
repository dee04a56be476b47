/**
 * Coffee pairing ({@code /coffee}): programs, rounds, intros, answers and stats; the matching itself is in
 * {@code pairing.matching}, plain Java that only this module uses. Takes icebreakers from the prompt library.
 */
@ApplicationModule(displayName = "Coffee pairing",
    allowedDependencies = {"outbox", "people", "prompts", "schedule", "slack", "store"})
package dev.rapport.pairing;

import org.springframework.modulith.ApplicationModule;
