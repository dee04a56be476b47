package dev.rapport.slack;

/**
 * A module that keeps something for a workspace outside the workspace's own keys (shared queues and
 * indexes). When a workspace uninstalls Rapport, each one erases its part; the workspace's own keys
 * ({@code rapport:{team}:*}) are deleted after them.
 */
public interface WorkspaceData {

  void erase(String team) throws Exception;
}
