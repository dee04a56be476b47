/**
 * Empathy prompts ({@code /empathy}): the library, rotation, posting, suggestions and engagement.
 */
@ApplicationModule(displayName = "Empathy prompts",
    allowedDependencies = {"outbox", "people", "schedule", "slack", "store"})
package dev.rapport.prompts;

import org.springframework.modulith.ApplicationModule;
