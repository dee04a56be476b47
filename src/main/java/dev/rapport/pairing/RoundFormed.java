package dev.rapport.pairing;

import java.time.Instant;
import java.util.Map;

/**
 * A round was formed and stored, published once by the run that formed it (a retry after a crash finishes the
 * round without publishing it again). Insights keep the departments for the cross-team map.
 *
 * @param departments the department of each placed member whose department is known, as the program read them
 * @param couldTakePart the channel's people who could take part (humans; guests only if the program allows
 *     them), those who left or paused included: participation is placed people out of these
 */
public record RoundFormed(String team, String channel, String round, Instant at, Map<String, String> departments,
                          int couldTakePart) {

  public RoundFormed {
    departments = Map.copyOf(departments);
  }
}
