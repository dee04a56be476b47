package dev.rapport.insights;

import dev.rapport.pulse.PulseTrends;
import java.util.List;

/**
 * A team's pulse trend (closed periods as the pulse lets them be shown: means only from k answers) with its
 * channel's milestones in the same span. Side by side, described: never that one caused the other.
 */
public record PulseContext(String channel, int k, List<PulseTrends.TeamPeriod> periods, List<Milestone> milestones) {

  public static final String NOTE = "Milestones are shown for context: they mark when something changed, not "
      + "what changed the scores.";
}
