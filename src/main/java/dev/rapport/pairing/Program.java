package dev.rapport.pairing;

import dev.rapport.schedule.Cadence;

/**
 * A channel's coffee pairing program: when rounds happen, how big groups are, whether guests take part,
 * where departments come from (for cross-team groups) and whether starts, rounds and stops are announced
 * in the channel; and its type ({@link ProgramType}: random groups, cross-group, leader roulette, by office…).
 */
record Program(String channel, Cadence cadence, int size, boolean guests, Departments departments,
               boolean announce, ProgramType type) {

  /** Where a member's department comes from. */
  enum Departments {
    NONE("not used"), TITLE("Slack profile title"), USERGROUPS("Slack user groups");

    final String label;

    Departments(String label) {
      this.label = label;
    }
  }

  Program {
    if (size < 2 || size > 4) {
      throw new IllegalArgumentException("group size 2, 3 or 4");
    }
    java.util.Objects.requireNonNull(type, "type");
  }

  /** A program of random groups (the type before there were types). */
  Program(String channel, Cadence cadence, int size, boolean guests, Departments departments, boolean announce) {
    this(channel, cadence, size, guests, departments, announce, ProgramType.RANDOM);
  }

  /** The same program with another type. */
  Program withType(ProgramType newType) {
    return new Program(channel, cadence, size, guests, departments, announce, newType);
  }

  /** The same program with another cadence (the form keeps the rest). */
  Program withCadence(Cadence newCadence) {
    return new Program(channel, newCadence, size, guests, departments, announce, type);
  }

  String describe() {
    String groups = type instanceof ProgramType.Leader ? "" : type instanceof ProgramType.Cross ? ", pairs"
        : ", groups of " + size;
    return cadence.describe() + groups + (guests ? ", guests included" : "")
        + (type.equals(ProgramType.RANDOM) ? "" : ", " + type.describe());
  }
}
