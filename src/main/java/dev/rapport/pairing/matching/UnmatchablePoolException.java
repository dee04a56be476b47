package dev.rapport.pairing.matching;

import java.util.List;

/**
 * No arrangement of the pool satisfies both the group sizes and the do-not-pair list. The caller
 * should tell the named members they could not be placed this round; nobody is silently dropped.
 */
public final class UnmatchablePoolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> unplaceable;

  UnmatchablePoolException(List<String> unplaceable) {
    super("no grouping respects the do-not-pair list; could not place: " + unplaceable);
    this.unplaceable = List.copyOf(unplaceable);
  }

  /** Members caught in the do-not-pair conflicts that could not be resolved, sorted by id. */
  public List<String> unplaceable() {
    return unplaceable;
  }
}
