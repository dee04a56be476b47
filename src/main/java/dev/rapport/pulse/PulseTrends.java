package dev.rapport.pulse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the pulse offers insights and the dashboard: which teams have a pulse, who manages them, and each
 * team's closed periods exactly as {@link PeriodResult} lets them be shown (the k rule applies here, once).
 */
@Component
public class PulseTrends {

  /**
   * One closed period as it may be shown: {@code means} (question label to mean, 1–5) only when at least k
   * answered and the differencing guard didn't withhold it; {@code responses} is 0 when withheld.
   */
  public record TeamPeriod(Instant opened, Instant closed, int invited, long responses, boolean withheld,
                           Map<String, Double> means) {

    public TeamPeriod {
      means = Map.copyOf(means);
    }

    public boolean shown() {
      return !means.isEmpty();
    }
  }

  private final PulseStore store;
  private final PulseSettings settings;

  PulseTrends(PulseStore store, PulseSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  /** k: the fewest answers (and people) any shown result describes. */
  public int k() {
    return settings.minResponses();
  }

  /** Channels that have (had) a pulse, sorted. */
  public List<String> teams(String team) {
    return store.channels(team).stream().sorted().toList();
  }

  public boolean manages(String team, String channel, String user) {
    return store.isManager(team, channel, user);
  }

  /** The teams {@code user} manages the pulse of. */
  public List<String> managedBy(String team, String user) {
    return teams(team).stream().filter(channel -> store.isManager(team, channel, user)).toList();
  }

  /** The question labels, in order. */
  public static List<String> questions() {
    return java.util.Arrays.stream(Question.values()).map(q -> q.label).toList();
  }

  /** The latest {@code max} closed periods of a team, oldest first. */
  public List<TeamPeriod> trend(String team, String channel, int max) {
    List<Period> closed = store.periods(team, channel, max + 1).stream().filter(Period::isClosed).toList();
    List<TeamPeriod> trend = new ArrayList<>();
    for (Period period : closed.subList(Math.max(0, closed.size() - max), closed.size())) {
      PeriodResult result = store.result(team, channel, period, k());
      Map<String, Double> means = new LinkedHashMap<>();
      if (result.shown()) {
        for (Question q : Question.values()) {
          if (!Double.isNaN(result.mean(q))) {
            means.put(q.label, result.mean(q));
          }
        }
      }
      trend.add(new TeamPeriod(period.opened(), period.closed(), period.invited(), result.responses(),
          result.disclosure() == PeriodResult.Disclosure.WITHHELD, means));
    }
    return trend;
  }
}
