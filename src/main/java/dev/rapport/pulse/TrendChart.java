package dev.rapport.pulse;

import java.awt.Color;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The PNG trend of the four means over periods; periods that may not be shown are gaps. */
final class TrendChart {

  static {
    // No display on a server; Spring Boot sets this too, but the chart must not depend on it.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private TrendChart() {}

  /** {@code results} oldest first; at least one must be shown. */
  static byte[] png(List<PeriodResult> results, ZoneId zone) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(500)
        .title("Team pulse: average scores per period").xAxisTitle("Period").yAxisTitle("Average (1-5)").build();
    XYStyler style = chart.getStyler();
    style.setLegendPosition(Styler.LegendPosition.OutsideS);
    style.setLegendLayout(Styler.LegendLayout.Horizontal);
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setYAxisMin(1.0);
    style.setYAxisMax(5.0);
    style.setXAxisMaxLabelCount(12);
    style.setxAxisTickLabelsFormattingFunction(x -> label(results, x, zone));
    double[] xs = new double[results.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = i + 1;
    }
    for (Question q : Question.values()) {
      double[] ys = new double[results.size()];
      for (int i = 0; i < ys.length; i++) {
        ys[i] = results.get(i).mean(q);
      }
      chart.addSeries(q.label, xs, ys);
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  private static String label(List<PeriodResult> results, double x, ZoneId zone) {
    int i = (int) Math.round(x) - 1;
    if (Math.abs(x - Math.round(x)) > 1e-6 || i < 0 || i >= results.size()) {
      return " ";
    }
    return Dates.day(results.get(i).period().opened(), zone).substring(4);
  }
}
