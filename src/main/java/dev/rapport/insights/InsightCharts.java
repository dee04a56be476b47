package dev.rapport.insights;

import dev.rapport.pulse.PulseTrends;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The insights as PNG charts (XChart), for {@code /coffee insights} and the dashboard. They draw only what the
 * insight lets be shown: a hidden cell is blank, a hidden rate a gap, and each chart's caption says so.
 */
public final class InsightCharts {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Okabe–Ito blue, orange, green, and Tol purple: told apart with colour blindness too. */
  private static final Color[] COLORS = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
      new Color(0xAA3377)};
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yy").withZone(ZoneOffset.UTC);
  private static final double DAY_SECONDS = 86_400.0;

  private InsightCharts() {}

  /** The map as a heat map: a cell's number is how many people of the row's department met the column's. */
  public static byte[] map(ConnectionMap map) {
    HeatMapChart chart = new HeatMapChartBuilder().width(900).height(700)
        .title("Who met whom across departments, " + map.quarter() + " (blank: fewer than " + map.k() + " people)")
        .xAxisTitle("met someone of").yAxisTitle("people of").build();
    HeatMapChart styled = style(chart);
    styled.getStyler().setShowValue(true);
    styled.getStyler().setHeatMapValueDecimalPattern("#");
    styled.getStyler().setRangeColors(new Color[] {new Color(0xF7FBFF), new Color(0x6BAED6), new Color(0x08306B)});
    styled.getStyler().setValueFontColor(Color.BLACK);
    List<String> names = map.departments().stream().map(d -> shorten(d.name(), map.k())).toList();
    List<Number[]> values = new ArrayList<>();
    for (ConnectionMap.Cell cell : map.cells()) {
      if (cell.shown()) {
        values.add(new Number[] {index(map, cell.to()), index(map, cell.from()), cell.count()});
      }
    }
    if (values.isEmpty()) {
      values.add(new Number[] {0, 0, 0});
    }
    chart.addSeries("people", names, names, values);
    return png(chart);
  }

  /** A program's rates per round, in percent; hidden rates are gaps. */
  public static byte[] health(ProgramHealth health, String name) {
    XYChart chart = new XYChartBuilder().width(900).height(500)
        .title("Coffee pairing in " + name + ": rates per round (gaps: fewer than k people)")
        .xAxisTitle("Round (the day it was made, UTC)").yAxisTitle("Percent").build();
    style(chart);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    List<ProgramHealth.Round> rounds = health.rounds();
    chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> dayAt(x));
    series(chart, "Meeting rate", rounds, ProgramHealth.Round::meeting, 0);
    series(chart, "First meetings", rounds, ProgramHealth.Round::firstMeeting, 1);
    series(chart, "Participation", rounds, ProgramHealth.Round::participation, 2);
    return png(chart);
  }

  /** A team's average pulse per period, with its milestones as numbered vertical lines. */
  public static byte[] pulse(PulseContext context, String name) {
    XYChart chart = new XYChartBuilder().width(900).height(500)
        .title("Team pulse of " + name + " with its milestones (numbered)")
        .xAxisTitle("Period (the day it opened, UTC)").yAxisTitle("Average (1-5)").build();
    style(chart);
    chart.getStyler().setYAxisMin(1.0);
    chart.getStyler().setYAxisMax(5.0);
    chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> dayAt(x));
    List<PulseTrends.TeamPeriod> periods = context.periods();
    List<String> questions = PulseTrends.questions();
    for (int q = 0; q < questions.size(); q++) {
      String label = questions.get(q);
      double[] xs = new double[Math.max(1, periods.size())];
      double[] ys = new double[xs.length];
      java.util.Arrays.fill(ys, Double.NaN);
      for (int p = 0; p < periods.size(); p++) {
        xs[p] = days(periods.get(p).opened());
        ys[p] = periods.get(p).means().getOrDefault(label, Double.NaN);
      }
      XYSeries series = chart.addSeries(label, xs, ys);
      series.setLineColor(COLORS[q]);
      series.setMarkerColor(COLORS[q]);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setLineStyle(new BasicStroke(2.5f));
    }
    int n = 1;
    for (Milestone milestone : context.milestones()) {
      double x = days(milestone.at());
      chart.addAnnotation(new AnnotationLine(x, true, false));
      chart.addAnnotation(new AnnotationText(String.valueOf(n++), x, 4.85, false));
    }
    return png(chart);
  }

  private static void series(XYChart chart, String name, List<ProgramHealth.Round> rounds,
                             Function<ProgramHealth.Round, Rate> rate, int color) {
    double[] xs = new double[Math.max(1, rounds.size())];
    double[] ys = new double[xs.length];
    java.util.Arrays.fill(ys, Double.NaN);
    for (int i = 0; i < rounds.size(); i++) {
      xs[i] = days(rounds.get(i).at());
      ys[i] = rate.apply(rounds.get(i)).percent();
    }
    XYSeries series = chart.addSeries(name, xs, ys);
    series.setLineColor(COLORS[color]);
    series.setMarkerColor(COLORS[color]);
    series.setMarker(color == 0 ? SeriesMarkers.CIRCLE : color == 1 ? SeriesMarkers.DIAMOND : SeriesMarkers.SQUARE);
    series.setLineStyle(color == 0 ? new BasicStroke(3f) : new BasicStroke(2.5f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_ROUND, 10f, color == 1 ? new float[] {12f, 6f} : new float[] {4f, 4f}, 0f));
  }

  private static double days(Instant at) {
    return at.getEpochSecond() / DAY_SECONDS;
  }

  private static String dayAt(double days) {
    return DAY.format(Instant.ofEpochSecond(Math.round(days * DAY_SECONDS)));
  }

  private static int index(ConnectionMap map, String department) {
    for (int i = 0; i < map.departments().size(); i++) {
      if (map.departments().get(i).name().equals(department)) {
        return i;
      }
    }
    return -1;
  }

  private static String shorten(String name, int k) {
    return name.equals(ConnectionMap.OTHER) ? "other (each < " + k + ")"
        : name.length() > 18 ? name.substring(0, 17) + "…" : name;
  }

  private static <C extends Chart<?, ?>> C style(C chart) {
    Styler style = chart.getStyler();
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setLegendPosition(Styler.LegendPosition.OutsideS);
    style.setLegendLayout(Styler.LegendLayout.Horizontal);
    return chart;
  }

  private static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
