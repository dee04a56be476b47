package dev.rapport.slack;

/** Who is asking, and where: the workspace, the user and the channel of a command or an action. */
public record Caller(String team, String user, String channel) {

  public Caller {
    if (team == null || team.isBlank() || user == null || user.isBlank()) {
      throw new IllegalArgumentException("a caller needs a workspace and a user");
    }
  }

  public boolean inDirectMessage() {
    return channel == null || channel.startsWith("D");
  }
}
