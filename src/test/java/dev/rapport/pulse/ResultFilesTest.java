package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultFilesTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void theChartIsAPngEvenWithHiddenPeriodsAsGaps() throws Exception {
    byte[] png = TrendChart.png("#design", List.of(result(0, 6), result(1, 2), withheld(2), result(3, 12)),
        ZoneOffset.UTC);

    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG);
    assertThat(png.length).isGreaterThan(1000);
  }

  @Test
  void aSinglePeriodStillCharts() throws Exception {
    assertThat(Arrays.copyOf(TrendChart.png("#design", List.of(result(0, 6)), ZoneOffset.UTC), 8)).isEqualTo(PNG);
  }

  @Test
  void theChartIsTitledWithItsTeamAndItsDatesSayTheirZone() {
    var chart = TrendChart.chart("#team-rocket", List.of(result(0, 6)), java.time.ZoneId.of("Europe/Berlin"));

    assertThat(chart.getTitle()).contains("#team-rocket");
    assertThat(chart.getXAxisTitle()).contains("Europe/Berlin");
    assertThat(chart.getSeriesMap()).hasSize(4);
  }

  @Test
  void theCsvHasOneRowPerPeriodAndOnlyWhatItsDisclosureAllows() {
    String csv = CsvExport.csv(List.of(result(0, 10), result(1, 2), result(2, 6), withheld(3)), ZoneOffset.UTC);
    List<String> lines = csv.lines().toList();

    assertThat(lines.get(0)).startsWith("period_start,period_end,invited,responses,response_rate,results_shown,"
        + "trust_mean,trust_1,trust_2,trust_3,trust_4,trust_5,understanding_mean");
    assertThat(lines).hasSize(5);
    assertThat(lines.get(1)).startsWith("2025-01-06,2025-01-13,10,10,1.00,yes,3.50,0,0,5,5,0,");
    assertThat(lines.get(2)).isEqualTo("2025-01-13,2025-01-20,10,2,0.20,no" + ",".repeat(24));
    assertThat(lines.get(3)).startsWith("2025-01-20,2025-01-27,10,6,0.60,means,3.50,,,,,,3.50,");
    assertThat(lines.get(4)).isEqualTo("2025-01-27,2025-02-03,10,,,withheld" + ",".repeat(24));
  }

  @Test
  void theOneRuleShowsNothingUnderKMeansFromKAndCountsFrom2k() {
    int k = 5;
    assertThat(result(0, 4).disclosure()).isEqualTo(PeriodResult.Disclosure.TOO_FEW);
    assertThat(result(0, 5).disclosure()).isEqualTo(PeriodResult.Disclosure.MEANS);
    assertThat(result(0, 9).disclosure()).isEqualTo(PeriodResult.Disclosure.MEANS);
    assertThat(result(0, 10).disclosure()).isEqualTo(PeriodResult.Disclosure.FULL);
    assertThat(withheld(0).disclosure()).isEqualTo(PeriodResult.Disclosure.WITHHELD);
    assertThat(PeriodResult.of(open(), 20, counts(20), List.of("c"), k).disclosure())
        .isEqualTo(PeriodResult.Disclosure.PENDING);

    PeriodResult means = result(0, 5);
    assertThat(means.counts()).isEmpty();
    assertThat(means.hasDistribution()).isFalse();
    assertThat(means.mean(Question.TRUST)).isEqualTo(3.4);
    assertThatThrownBy(() -> means.count(Question.TRUST, 3)).isInstanceOf(IllegalStateException.class);
    assertThat(means.comments()).containsExactly("a comment");
    assertThat(result(0, 10).count(Question.TRUST, 3)).isEqualTo(5);
  }

  @Test
  void aResultThatMayNotBeShownCarriesNoCountsNoCommentsAndNoMeansWhateverItIsGiven() {
    for (PeriodResult.Disclosure hidden : List.of(PeriodResult.Disclosure.PENDING, PeriodResult.Disclosure.WITHHELD,
        PeriodResult.Disclosure.TOO_FEW)) {
      PeriodResult r = new PeriodResult(period(0, null), hidden, 2, new double[] {4, 4, 4, 4},
          List.of(new long[] {1, 1, 0, 0, 0}), List.of("a comment"));

      assertThat(r.counts()).isEmpty();
      assertThat(r.comments()).isEmpty();
      assertThat(r.mean(Question.TRUST)).isNaN();
      assertThat(r.shown()).isFalse();
    }
    assertThat(withheld(0).responses()).as("withheld: not even how many answered").isZero();
    assertThat(withheld(0).responseRate()).isNaN();
  }

  @Test
  void aReportOfAPeriodWithMoreCommentsThanOneMessageHoldsStillShowsThatPeriod() {
    int n = 200;
    List<String> comments = java.util.Collections.nCopies(n, "<".repeat(1000));
    PeriodResult busy = PeriodResult.of(period(1, null), n, counts(n), comments, 5);

    var blocks = ReportView.report("C0TEAM", 2, List.of(result(0, 10), busy), 5);

    assertThat(blocks).hasSizeLessThanOrEqualTo(50);
    String shown = blocks.toString();
    assertThat(shown).contains(n + " of 10 answered").contains("&lt;&lt;&lt;")
        .contains("Some comments are left out").contains("Older periods too")
        .doesNotContain("10 of 10 answered");
  }

  @Test
  void aLongCommentIsShownWholeInTheReportNotCutShort() {
    String comment = "&".repeat(999) + "!";
    PeriodResult r = PeriodResult.of(period(0, null), 5, counts(5), List.of(comment), 5);

    String shown = ReportView.report("C0TEAM", 1, List.of(r), 5).toString();

    assertThat(shown.split("&amp;", -1)).hasSize(1000);
    assertThat(shown).contains("&amp;!").doesNotContain("&a\n").doesNotContain("&am\n");
  }

  /** A closed period with {@code n} answers: about half 3s, half 4s on every question, one comment. */
  private static PeriodResult result(int week, int n) {
    return PeriodResult.of(period(week, null), n, counts(n), List.of("a comment"), 5);
  }

  private static PeriodResult withheld(int week) {
    return PeriodResult.of(period(week, "C0OTHER"), 7, counts(7), List.of("a comment"), 5);
  }

  private static List<long[]> counts(int n) {
    long[] c = {0, 0, n - n / 2, n / 2, 0};
    return List.of(c, c, c, c);
  }

  private static Period period(int week, String withheldBy) {
    Instant opened = Instant.parse("2025-01-06T10:00:00Z").plusSeconds(week * 7L * 86400);
    Instant closes = opened.plusSeconds(7L * 86400);
    return new Period(Period.idFor(opened), opened, closes, closes, 10, Period.State.CLOSED, true, withheldBy);
  }

  private static Period open() {
    Instant opened = Instant.parse("2025-01-06T10:00:00Z");
    return Period.planned(Period.idFor(opened), opened, opened.plusSeconds(7L * 86400), 10);
  }
}
