package dev.rapport.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter (UTC), e.g. {@code 2026-Q4}: the connection map's unit of time. */
public record Quarter(int year, int quarter) {

  private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

  public Quarter {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter 1 to 4");
    }
  }

  public static Quarter of(Instant at) {
    LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
    return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  /** {@code 2026-Q4}; empty for anything else. */
  public static Optional<Quarter> parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.trim());
    return m.matches() ? Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  public Instant start() {
    return LocalDate.of(year, (quarter - 1) * 3 + 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public Instant end() {
    return next().start();
  }

  public boolean contains(Instant at) {
    return !at.isBefore(start()) && at.isBefore(end());
  }

  public Quarter previous() {
    return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
  }

  public Quarter next() {
    return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
  }

  @Override
  public String toString() {
    return year + "-Q" + quarter;
  }
}
