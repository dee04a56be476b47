/**
 * The anonymous pulse ({@code /pulse}): periods, sealed answers, results, charts and export.
 */
@ApplicationModule(displayName = "Anonymous pulse",
    allowedDependencies = {"outbox", "people", "schedule", "slack", "store"})
package dev.rapport.pulse;

import org.springframework.modulith.ApplicationModule;
