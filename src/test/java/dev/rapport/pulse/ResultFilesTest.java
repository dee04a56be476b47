package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultFilesTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void theChartIsAPngEvenWithHiddenPeriodsAsGaps() throws Exception {
    byte[] png = TrendChart.png(List.of(shown(0), hidden(1), shown(2)), ZoneOffset.UTC);

    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG);
    assertThat(png.length).isGreaterThan(1000);
  }

  @Test
  void aSinglePeriodStillCharts() throws Exception {
    assertThat(Arrays.copyOf(TrendChart.png(List.of(shown(0)), ZoneOffset.UTC), 8)).isEqualTo(PNG);
  }

  @Test
  void theCsvHasOneRowPerPeriodAndNoScoresForHiddenOnes() {
    String csv = CsvExport.csv(List.of(shown(0), hidden(1)), ZoneOffset.UTC);
    List<String> lines = csv.lines().toList();

    assertThat(lines.get(0)).startsWith("period_start,period_end,invited,responses,response_rate,results_shown,"
        + "trust_mean,trust_1,trust_2,trust_3,trust_4,trust_5,understanding_mean");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("2025-01-06,2025-01-13,10,6,0.60,yes,3.50,0,0,3,3,0,");
    assertThat(lines.get(2)).isEqualTo("2025-01-13,2025-01-20,10,2,0.20,no" + ",".repeat(24));
  }

  @Test
  void aHiddenResultCarriesNoCountsOrCommentsWhateverItIsGiven() {
    PeriodResult r = new PeriodResult(period(0), 2, false, List.of(new long[] {1, 1, 0, 0, 0}),
        List.of("a comment"));

    assertThat(r.counts()).isEmpty();
    assertThat(r.comments()).isEmpty();
    assertThat(r.mean(Question.TRUST)).isNaN();
  }

  private static PeriodResult shown(int week) {
    long[] c = {0, 0, 3, 3, 0};
    return new PeriodResult(period(week), 6, true, List.of(c, c, c, c), List.of());
  }

  private static PeriodResult hidden(int week) {
    return PeriodResult.hidden(period(week), 2);
  }

  private static Period period(int week) {
    Instant opened = Instant.parse("2025-01-06T10:00:00Z").plusSeconds(week * 7L * 86400);
    Instant closes = opened.plusSeconds(7L * 86400);
    return new Period(Period.idFor(opened), opened, closes, closes, 10);
  }
}
