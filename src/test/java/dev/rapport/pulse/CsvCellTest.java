package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellTest {

  @Test
  void textASpreadsheetWouldRunAsAFormulaIsShownAsWritten() {
    assertThat(CsvExport.cell("=HYPERLINK(\"https://evil.example\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\")\"");
    assertThat(CsvExport.cell("+1+1")).isEqualTo("'+1+1");
    assertThat(CsvExport.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvExport.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvExport.cell("\r=1")).isEqualTo("\"'\r=1\"");
  }

  @Test
  void numbersDatesAndPlainTextStayAsTheyAre() {
    assertThat(CsvExport.cell("-0.25")).isEqualTo("-0.25");
    assertThat(CsvExport.cell("3.80")).isEqualTo("3.80");
    assertThat(CsvExport.cell("2026-11-30")).isEqualTo("2026-11-30");
    assertThat(CsvExport.cell("a = b")).isEqualTo("a = b");
    assertThat(CsvExport.cell("")).isEmpty();
    assertThat(CsvExport.cell(null)).isEmpty();
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() {
    assertThat(CsvExport.cell("one, two")).isEqualTo("\"one, two\"");
    assertThat(CsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvExport.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
  }
}
