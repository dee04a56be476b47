package dev.rapport.schedule;

import java.time.Instant;
import java.util.Map;

/**
 * Something that runs on a {@link Cadence} (or once, at {@code at}) for a feature ({@code kind}) and a
 * target in one workspace, e.g. the pairing program of a channel. {@code data} carries the feature's own
 * small settings.
 */
public record Schedule(String team, String kind, String target, Cadence cadence, Instant at,
                       Map<String, String> data) {

  public Schedule {
    new ScheduleId(team, kind, target); // team and kind hold no |
    if ((cadence == null) == (at == null)) {
      throw new IllegalArgumentException("a schedule has a cadence or a single time, not both");
    }
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  public ScheduleId id() {
    return new ScheduleId(team, kind, target);
  }

  public boolean once() {
    return cadence == null;
  }
}
