package dev.rapport.pairing.matching;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What shape a round has beyond "groups of the pool": nothing more ({@link #OPEN}), two sides that every
 * group mixes ({@link Sides}), one host meeting a few guests ({@link Hosted}), or offices whose members meet in
 * person ({@link Offices}). Who must never share a group is separate and applies to every shape
 * ({@link MatchRequest#doNotPair()}).
 */
public sealed interface Structure {

  /** Groups of the whole pool: the classic round. */
  Structure OPEN = new Open();

  /** Groups of the whole pool. */
  record Open() implements Structure {}

  /**
   * Cross-group pairs: every pair has one member from each side, nobody is paired inside a side. With uneven
   * sides the larger side takes turns: those who waited longest go first.
   *
   * @param sideA ids on one side; every pool member must be on exactly one side
   * @param sideB ids on the other side
   * @param turns each member's place in the rotation, as {@link #afterRound} keeps it: positive, the rounds
   *     they sat out in a row; negative, the rounds they were placed in a row; absent, zero (new)
   */
  record Sides(Set<String> sideA, Set<String> sideB, Map<String, Integer> turns) implements Structure {

    /** Turns are kept within this bound, so a long streak never overflows anything. */
    static final int MAX_TURN = 1_000;

    public Sides {
      sideA = Set.copyOf(Objects.requireNonNull(sideA, "sideA"));
      sideB = Set.copyOf(Objects.requireNonNull(sideB, "sideB"));
      turns = Map.copyOf(Objects.requireNonNull(turns, "turns"));
      Set<String> both = new HashSet<>(sideA);
      both.retainAll(sideB);
      if (!both.isEmpty()) {
        throw new IllegalArgumentException("someone is on both sides: " + both);
      }
    }

    /** The turn a member has after a round in which they were placed, or sat out. */
    public static int afterRound(int turn, boolean placed) {
      int next = placed ? (turn > 0 ? -1 : turn - 1) : (turn < 0 ? 1 : turn + 1);
      return Math.max(-MAX_TURN, Math.min(MAX_TURN, next));
    }

    int turn(String id) {
      return turns.getOrDefault(id, 0);
    }
  }

  /**
   * Leader roulette: the host meets {@code guests} people, those they met longest ago (or never) first; nobody
   * else is grouped this round. A host who isn't in the pool means no group at all.
   */
  record Hosted(String host, int guests) implements Structure {

    public Hosted {
      Objects.requireNonNull(host, "host");
      if (guests < 1 || guests > 3) {
        throw new IllegalArgumentException("a host meets 1 to 3 guests: " + guests);
      }
    }
  }

  /**
   * Offices: members who share one meet in person there; members whose office is unknown, or who have no local
   * match this round, meet in a video group ({@link Group#office()} is then null).
   *
   * @param officeOf member id to office; members not in it have no known office
   */
  record Offices(Map<String, String> officeOf, Mode mode) implements Structure {

    public Offices {
      officeOf = Map.copyOf(Objects.requireNonNull(officeOf, "officeOf"));
      Objects.requireNonNull(mode, "mode");
    }
  }

  /** How offices shape groups. */
  enum Mode {
    /** Offices are ignored: every group meets by video. */
    VIRTUAL,
    /** Groups stay within an office and meet in person; only those with no local match meet by video. */
    IN_PERSON,
    /**
     * In person while there is someone new to meet in one's office; who has met everyone there meets people
     * from other offices by video.
     */
    HYBRID
  }
}
