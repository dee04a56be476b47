package dev.rapport.pairing;

import dev.rapport.schedule.Cadence;

/**
 * A channel's coffee pairing program: when rounds happen, how big groups are, whether guests take part,
 * where departments come from (for cross-team groups) and whether starts, rounds and stops are announced
 * in the channel.
 */
record Program(String channel, Cadence cadence, int size, boolean guests, Departments departments,
               boolean announce) {

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
  }

  /** The same program with another cadence (the form keeps the rest). */
  Program withCadence(Cadence newCadence) {
    return new Program(channel, newCadence, size, guests, departments, announce);
  }

  String describe() {
    return cadence.describe() + ", groups of " + size + (guests ? ", guests included" : "");
  }
}
