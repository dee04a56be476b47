package dev.rapport.slack;

/**
 * Published when a workspace uninstalls Rapport or revokes its bot token ({@link Uninstalls}), after the ack.
 * Modules that keep something of a workspace outside its own keys (shared queues and indexes under
 * {@code rapport:{outbox}} or {@code rapport:{schedule}}) handle it with an {@code @EventListener} and drop that
 * part; {@code slack} deletes the workspace's own keys ({@code rapport:{team}:*}), in no set order, so a listener
 * must not count on them. Listeners are idempotent: an erasure cut short runs again, whole, at the next start.
 */
public record WorkspaceUninstalled(String team) {}
