package dev.rapport.pairing;

import java.util.Optional;

/**
 * One group of a round. Encoded {@code channel|round|group}: the value of an intro's buttons (in messages
 * already sent, so the format stays) and an entry of a member's history. The "didn't reply" button names a
 * partner too: {@link Partner}, {@code channel|round|group|member}.
 */
record GroupRef(String channel, String round, int group) {

  /** {@code channel|round|group}. */
  String encode() {
    return channel + "|" + round + "|" + group;
  }

  /** Read back from {@link #encode()}; empty for anything else (an old or forged button value). */
  static Optional<GroupRef> parse(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\|", -1);
    return parts.length == 3 ? of(parts) : Optional.empty();
  }

  RoundRef roundRef() {
    return new RoundRef(channel, round);
  }

  /** The delivery key of a note to this group, e.g. {@code pairing:C1:r1:0:intro}. */
  String deliveryKey(String note) {
    return roundRef().deliveryKey(group + ":" + note);
  }

  Partner partner(String member) {
    return new Partner(this, member);
  }

  private static Optional<GroupRef> of(String[] parts) {
    return parts[2].matches("\\d{1,6}") ? Optional.of(new GroupRef(parts[0], parts[1], Integer.parseInt(parts[2])))
        : Optional.empty();
  }

  /** A member of a group, named by a partner: {@code channel|round|group|member}. */
  record Partner(GroupRef group, String member) {

    String encode() {
      return group.encode() + "|" + member;
    }

    static Optional<Partner> parse(String encoded) {
      String[] parts = encoded == null ? new String[0] : encoded.split("\\|", -1);
      return parts.length == 4 ? of(parts).map(g -> new Partner(g, parts[3])) : Optional.empty();
    }
  }
}
