package dev.rapport.pulse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG trend of the four means over periods, titled with its team; periods that may not be shown are gaps.
 * The four questions often score alike, so lines that lie on top of each other must all stay visible: each
 * has its own colour (colour-blind safe), marker shape and dash, and lines and markers are drawn from widest
 * to thinnest, nested like a cable, so every one shows around the next.
 */
final class TrendChart {

  static {
    // No display on a server; Spring Boot sets this too, but the chart must not depend on it.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Per question, in {@link Question} order (Okabe–Ito blue, orange, green; Tol purple). */
  private static final Color[] COLORS = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
      new Color(0xAA3377)};
  private static final float[] WIDTHS = {6f, 4.5f, 3f, 1.5f};
  private static final float[][] DASHES = {null, {14f, 6f}, {5f, 4f}, {1.5f, 3f}};
  /** Widest first, so each marker shows around the next one drawn on top of it. */
  private static final Marker[] MARKERS = {scaled(SeriesMarkers.CIRCLE, 1.9f), scaled(SeriesMarkers.DIAMOND, 1.45f),
      scaled(SeriesMarkers.SQUARE, 1.0f), scaled(SeriesMarkers.TRIANGLE_UP, 0.7f)};

  private TrendChart() {}

  /** {@code results} oldest first; at least one must be shown. {@code team} as people know it, e.g. "#design". */
  static byte[] png(String team, List<PeriodResult> results, ZoneId zone) throws IOException {
    return BitmapEncoder.getBitmapBytes(chart(team, results, zone), BitmapEncoder.BitmapFormat.PNG);
  }

  static XYChart chart(String team, List<PeriodResult> results, ZoneId zone) {
    XYChart chart = new XYChartBuilder().width(900).height(500)
        .title("Team pulse of " + team + ": average scores per period")
        .xAxisTitle("Period (the day it opened, " + zone.getId() + ")").yAxisTitle("Average (1-5)").build();
    XYStyler style = chart.getStyler();
    style.setLegendPosition(Styler.LegendPosition.OutsideS);
    style.setLegendLayout(Styler.LegendLayout.Horizontal);
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setYAxisMin(1.0);
    style.setYAxisMax(5.0);
    style.setXAxisMaxLabelCount(12);
    style.setMarkerSize(9);
    style.setxAxisTickLabelsFormattingFunction(x -> label(results, x, zone));
    for (Question q : Question.values()) {
      int i = q.ordinal();
      double[] xs = new double[results.size()];
      double[] ys = new double[results.size()];
      for (int p = 0; p < results.size(); p++) {
        xs[p] = p + 1;
        ys[p] = results.get(p).mean(q);
      }
      XYSeries series = chart.addSeries(q.label, xs, ys);
      series.setLineColor(COLORS[i]);
      series.setMarkerColor(COLORS[i]);
      series.setMarker(MARKERS[i]);
      series.setLineStyle(DASHES[i] == null
          ? new BasicStroke(WIDTHS[i], BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
          : new BasicStroke(WIDTHS[i], BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASHES[i], 0f));
    }
    return chart;
  }

  /** {@code marker} drawn {@code scale} times the chart's marker size. */
  private static Marker scaled(Marker marker, float scale) {
    return new Marker() {
      @Override
      public void paint(Graphics2D g, double x, double y, int size) {
        marker.paint(g, x, y, Math.round(size * scale));
      }
    };
  }

  private static String label(List<PeriodResult> results, double x, ZoneId zone) {
    int i = (int) Math.round(x) - 1;
    if (Math.abs(x - Math.round(x)) > 1e-6 || i < 0 || i >= results.size()) {
      return " ";
    }
    return Dates.chartDay(results.get(i).period().opened(), zone);
  }
}
