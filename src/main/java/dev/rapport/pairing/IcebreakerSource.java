package dev.rapport.pairing;

/** Where intro icebreakers come from: the empathy prompt library, seen from coffee pairing. */
interface IcebreakerSource {

  /** The icebreakers of one workspace, read once (a round picks one per group). */
  Deck deck(String team);

  /** Icebreakers to pick from, deterministically by seed. */
  interface Deck {
    Icebreaker pick(long seed);
  }
}
