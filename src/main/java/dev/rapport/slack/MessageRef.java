package dev.rapport.slack;

import java.util.Optional;

/**
 * Where a message is in Slack: its conversation and timestamp, which together name it (for
 * {@code chat.update}). Kept in Redis encoded as {@code "channel ts"}.
 */
public record MessageRef(String channel, String ts) {

  /** {@code "channel ts"}. */
  public String encode() {
    return channel + " " + ts;
  }

  /** Read back from {@link #encode()}; empty for anything else. */
  public static Optional<MessageRef> parse(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split(" ", 2);
    return parts.length == 2 ? Optional.of(new MessageRef(parts[0], parts[1])) : Optional.empty();
  }

  /** Whether it is in {@code channel}. */
  public boolean in(String channel) {
    return this.channel.equals(channel);
  }
}
