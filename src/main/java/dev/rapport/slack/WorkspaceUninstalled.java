package dev.rapport.slack;

/**
 * Published when a workspace uninstalls Rapport or revokes its bot token ({@link Uninstalls}). Modules that
 * keep something of a workspace outside its own keys (shared queues and indexes under {@code rapport:{outbox}}
 * or {@code rapport:{schedule}}) handle it with an {@code @EventListener} and drop that part; the workspace's
 * own keys ({@code rapport:{team}:*}) are deleted after every listener has run.
 */
public record WorkspaceUninstalled(String team) {}
