/**
 * The persistent, rate-limited, idempotent delivery queue to Slack ({@link dev.rapport.outbox.Outbox}) and its
 * dead letters.
 */
@ApplicationModule(displayName = "Outbox",
    allowedDependencies = {"people", "slack", "store"})
package dev.rapport.outbox;

import org.springframework.modulith.ApplicationModule;
