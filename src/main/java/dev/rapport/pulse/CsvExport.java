package dev.rapport.pulse;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The CSV of per-period aggregates: one row per period, never an individual answer. A period that may not be
 * shown (open, or fewer than k answers) keeps its dates and answer count and leaves every score empty.
 */
final class CsvExport {

  private CsvExport() {}

  static String header() {
    StringJoiner line = new StringJoiner(",");
    for (String column : List.of("period_start", "period_end", "invited", "responses", "response_rate",
        "results_shown")) {
      line.add(column);
    }
    for (Question q : Question.values()) {
      String name = q.label.toLowerCase(Locale.ROOT);
      line.add(name + "_mean");
      for (int score = Question.MIN_SCORE; score <= Question.MAX_SCORE; score++) {
        line.add(name + "_" + score);
      }
    }
    return line.toString();
  }

  /** {@code results} oldest first; closed periods only. */
  static String csv(List<PeriodResult> results, ZoneId zone) {
    StringBuilder out = new StringBuilder(header()).append("\r\n");
    for (PeriodResult r : results) {
      StringJoiner line = new StringJoiner(",");
      line.add(Dates.isoDay(r.period().opened(), zone)).add(Dates.isoDay(r.period().closed(), zone))
          .add(String.valueOf(r.period().invited())).add(String.valueOf(r.responses()))
          .add(Double.isNaN(r.responseRate()) ? "" : String.format(Locale.ROOT, "%.2f", r.responseRate()))
          .add(r.shown() ? "yes" : "no");
      for (Question q : Question.values()) {
        line.add(r.shown() ? String.format(Locale.ROOT, "%.2f", r.mean(q)) : "");
        for (int score = Question.MIN_SCORE; score <= Question.MAX_SCORE; score++) {
          line.add(r.shown() ? String.valueOf(r.count(q, score)) : "");
        }
      }
      out.append(line).append("\r\n");
    }
    return out.toString();
  }
}
