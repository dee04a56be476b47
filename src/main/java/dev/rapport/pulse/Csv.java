package dev.rapport.pulse;

import java.util.regex.Pattern;

/** CSV fields safe to open in a spreadsheet, for every export (the pulse's, the insights'). */
public final class Csv {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private Csv() {}

  /**
   * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. Text a spreadsheet
   * would run as a formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading
   * {@code '}, so it shows as written; plain numbers stay numbers.
   */
  public static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
