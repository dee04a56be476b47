package dev.rapport.outbox;

import java.time.Instant;

/**
 * A delivery that was given up on, with Slack's last error ({@code method: code}), for admins to see:
 * which feature and channel it belonged to and what it was ({@link Origin}), and, in plain words, why it
 * failed and what fixes it ({@link #reason()}, {@link #fix()}). Letters written before origins existed
 * have none stored; theirs is read from the id.
 */
public record DeadLetter(String id, String team, String kind, String tag, String error, int attempts,
                         Instant at, String feature, String channel, String what) {

  static DeadLetter of(Delivery failed, String error, Instant at) {
    Origin origin = failed.resolvedOrigin();
    return new DeadLetter(failed.id(), failed.team(), failed.kind().name(), failed.tag(), error,
        failed.attempts(), at, origin.feature(), origin.channel(), origin.what());
  }

  /** Where it belongs, as stored or (older letters) read from the id. */
  public Origin origin() {
    return feature != null ? new Origin(feature, channel, what) : Origin.of(id);
  }

  /** Why it wasn't delivered, in plain words, e.g. "Rapport isn't a member of <#C123>". */
  public String reason() {
    return Reasons.why(code(), origin().channel());
  }

  /** What fixes it, in plain words, e.g. "type `/invite @Rapport` in <#C123>"; "" when nothing needs doing. */
  public String fix() {
    return Reasons.fix(code(), origin().channel());
  }

  /** Slack's error code without the method, e.g. {@code not_in_channel}. */
  public String code() {
    if (error == null) {
      return "";
    }
    int colon = error.lastIndexOf(": ");
    return colon < 0 ? error : error.substring(colon + 2);
  }
}
