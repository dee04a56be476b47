package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellTest {

  @Test
  void textASpreadsheetWouldRunAsAFormulaIsShownAsWritten() {
    assertThat(Csv.cell("=HYPERLINK(\"https://evil.example\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\")\"");
    assertThat(Csv.cell("+1+1")).isEqualTo("'+1+1");
    assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(Csv.cell("\r=1")).isEqualTo("\"'\r=1\"");
  }

  @Test
  void numbersDatesAndPlainTextStayAsTheyAre() {
    assertThat(Csv.cell("-0.25")).isEqualTo("-0.25");
    assertThat(Csv.cell("3.80")).isEqualTo("3.80");
    assertThat(Csv.cell("2026-11-30")).isEqualTo("2026-11-30");
    assertThat(Csv.cell("a = b")).isEqualTo("a = b");
    assertThat(Csv.cell("")).isEmpty();
    assertThat(Csv.cell(null)).isEmpty();
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() {
    assertThat(Csv.cell("one, two")).isEqualTo("\"one, two\"");
    assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
  }
}
