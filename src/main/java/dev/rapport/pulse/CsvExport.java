package dev.rapport.pulse;

import static dev.rapport.pulse.Csv.cell;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The CSV of per-period aggregates: one row per period, never an individual answer, and never more than the
 * report shows ({@link PeriodResult} decides). {@code results_shown} says how much: {@code yes} (means and 1–5
 * counts), {@code means} (means only, fewer than 2k answers), {@code no} (fewer than k: dates and answer
 * count only), {@code withheld} (differencing guard: dates only). Every field goes through {@link Csv#cell}, so
 * text a person wrote can never run as a spreadsheet formula.
 */
final class CsvExport {

  private CsvExport() {}

  static String header() {
    StringJoiner line = new StringJoiner(",");
    for (String column : List.of("period_start", "period_end", "invited", "responses", "response_rate",
        "results_shown")) {
      line.add(cell(column));
    }
    for (Question q : Question.values()) {
      String name = q.label.toLowerCase(Locale.ROOT);
      line.add(cell(name + "_mean"));
      for (int score = Question.MIN_SCORE; score <= Question.MAX_SCORE; score++) {
        line.add(cell(name + "_" + score));
      }
    }
    return line.toString();
  }

  /** {@code results} oldest first; closed periods only. */
  static String csv(List<PeriodResult> results, ZoneId zone) {
    StringBuilder out = new StringBuilder(header()).append("\r\n");
    for (PeriodResult r : results) {
      StringJoiner line = new StringJoiner(",");
      boolean withheld = r.disclosure() == PeriodResult.Disclosure.WITHHELD;
      line.add(cell(Dates.isoDay(r.period().opened(), zone))).add(cell(Dates.isoDay(r.period().closed(), zone)))
          .add(cell(String.valueOf(r.period().invited()))).add(cell(withheld ? "" : String.valueOf(r.responses())))
          .add(cell(Double.isNaN(r.responseRate()) ? "" : String.format(Locale.ROOT, "%.2f", r.responseRate())))
          .add(cell(switch (r.disclosure()) {
            case FULL -> "yes";
            case MEANS -> "means";
            case WITHHELD -> "withheld";
            default -> "no";
          }));
      for (Question q : Question.values()) {
        line.add(cell(r.shown() ? String.format(Locale.ROOT, "%.2f", r.mean(q)) : ""));
        for (int score = Question.MIN_SCORE; score <= Question.MAX_SCORE; score++) {
          line.add(cell(r.hasDistribution() ? String.valueOf(r.count(q, score)) : ""));
        }
      }
      out.append(line).append("\r\n");
    }
    return out.toString();
  }
}
