package dev.rapport.pairing;

/** Where intro icebreakers come from: the empathy prompt library, seen from coffee pairing. */
interface IcebreakerSource {

  /** An icebreaker for a workspace, chosen deterministically from {@code seed}. */
  Icebreaker pick(String team, long seed);
}
