/**
 * Cadences and due occurrences, claimed once across instances; features register
 * {@link dev.rapport.schedule.ScheduledJob}s.
 */
@ApplicationModule(displayName = "Schedule",
    allowedDependencies = {"slack", "store"})
package dev.rapport.schedule;

import org.springframework.modulith.ApplicationModule;
