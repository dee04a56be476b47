package dev.rapport.dashboard;

/**
 * Something the viewer's workspace doesn't have (a channel id of another workspace, a program that doesn't run):
 * 404, the same answer whether it exists elsewhere or nowhere, so a URL can't probe other workspaces.
 */
class NotFound extends RuntimeException {

  NotFound(String reason) {
    super(reason, null, false, false);
  }
}
