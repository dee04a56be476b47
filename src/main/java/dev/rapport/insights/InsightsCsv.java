package dev.rapport.insights;

import dev.rapport.pulse.Csv;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The HR exports: aggregates only, each figure blank where the insight hides it (fewer than k people), every
 * field through {@link Csv#cell} (department names come from Slack profiles: a formula there stays text).
 */
public final class InsightsCsv {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private InsightsCsv() {}

  /** One row per program and round, oldest first; {@code names} turns a channel id into its name. */
  public static String health(List<ProgramHealth> programs, java.util.function.UnaryOperator<String> names) {
    StringBuilder out = new StringBuilder(line("program", "round_day_utc", "meeting_rate", "met", "asked",
        "first_meeting_rate", "first_meeting_groups", "groups", "participation", "placed", "could_take_part",
        "lasting_tie_rate", "shown"));
    for (ProgramHealth program : programs) {
      for (ProgramHealth.Round round : program.rounds()) {
        out.append(line(names.apply(program.channel()), DAY.format(round.at()), pct(round.meeting()),
            n(round.meeting().part()), n(round.meeting().whole()), pct(round.firstMeeting()),
            n(round.firstMeeting().part()), n(round.firstMeeting().whole()), pct(round.participation()),
            n(round.participation().part()), n(round.participation().whole()), pct(program.lastingTies()),
            round.meeting().shown() && round.participation().shown() ? "yes" : "partly (fewer than k people)"));
      }
    }
    return out.toString();
  }

  /** One row per pair of departments: the count (blank under k) and the change from the quarter before. */
  public static String map(ConnectionMap map) {
    StringBuilder out = new StringBuilder(line("quarter", "people_of", "met_someone_of", "people", "change",
        "silo"));
    for (ConnectionMap.Cell cell : map.cells()) {
      boolean silo = map.silos().stream().anyMatch(s -> s.a().equals(cell.from()) && s.b().equals(cell.to())
          || s.a().equals(cell.to()) && s.b().equals(cell.from()));
      out.append(line(map.quarter().toString(), map.label(cell.from()), map.label(cell.to()),
          cell.shown() ? String.valueOf(cell.count()) : "fewer than " + map.k(),
          cell.change() == null ? "" : String.valueOf(cell.change()), silo ? "yes" : ""));
    }
    return out.toString();
  }

  private static String pct(Rate rate) {
    return rate.shown() ? String.format(Locale.ROOT, "%.2f", rate.percent() / 100) : "";
  }

  private static String n(long value) {
    return value < 0 ? "" : String.valueOf(value);
  }

  private static String line(String... cells) {
    StringJoiner line = new StringJoiner(",");
    for (String cell : cells) {
      line.add(Csv.cell(cell));
    }
    return line + "\r\n";
  }
}
