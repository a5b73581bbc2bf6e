package io.sluice.tpcds;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Per-query times as an SVG bar chart: one row per query, a Sluice bar over a Spark-direct bar, on
 * a common linear axis, with failed queries marked. Opens in any browser.
 */
public final class SvgChart {
  private static final String SLUICE_COLOR = "#1f6feb";
  private static final String DIRECT_COLOR = "#9aa4b2";
  private static final String FAILURE_COLOR = "#d1242f";
  private static final int LABEL_WIDTH = 60;
  private static final int PLOT_WIDTH = 640;
  private static final int ROW_HEIGHT = 16;
  private static final int BAR_HEIGHT = 6;
  private static final int TOP = 70;

  private SvgChart() {}

  public static String render(RunReport report) {
    List<QueryOutcome> outcomes = report.outcomes();
    double maximum = 1;
    for (QueryOutcome outcome : outcomes) {
      maximum = Math.max(maximum, outcome.sluiceMillis().orElse(0));
      maximum = Math.max(maximum, outcome.directMillis().orElse(0));
    }
    int width = LABEL_WIDTH + PLOT_WIDTH + 90;
    int height = TOP + outcomes.size() * ROW_HEIGHT + 40;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"11\">%n",
            width,
            height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">TPC-DS derived, scale"
                + " %s: per-query median time (ms)</text>%n",
            TpcdsLoader.scaleText(report.scale())));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"10\" y=\"40\">Sluice total %.0f ms, geometric mean %.1f ms%s</text>%n",
            report.sluiceTotalMillis(),
            report.sluiceGeometricMeanMillis(),
            report.hasDirect()
                ? String.format(
                    Locale.ROOT,
                    "; Spark direct total %.0f ms, geometric mean %.1f ms; ratio %.3f",
                    report.directTotalMillis(),
                    report.directGeometricMeanMillis(),
                    report.totalRatio().orElse(0))
                : ""));
    legend(svg, 10, 56, SLUICE_COLOR, "Sluice");
    if (report.hasDirect()) {
      legend(svg, 80, 56, DIRECT_COLOR, "Spark direct");
    }
    for (int index = 0; index < outcomes.size(); index++) {
      QueryOutcome outcome = outcomes.get(index);
      int y = TOP + index * ROW_HEIGHT;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">%s</text>%n",
              LABEL_WIDTH - 6,
              y + 10,
              outcome.passed() ? "black" : FAILURE_COLOR,
              outcome.name()));
      bar(svg, y + 1, outcome.sluiceMillis(), maximum, SLUICE_COLOR);
      if (report.hasDirect()) {
        bar(svg, y + 1 + BAR_HEIGHT, outcome.directMillis(), maximum, DIRECT_COLOR);
      }
      if (!outcome.passed()) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" fill=\"%s\">failed</text>%n",
                LABEL_WIDTH + 4,
                y + 10,
                FAILURE_COLOR));
      }
    }
    int axisY = TOP + outcomes.size() * ROW_HEIGHT + 14;
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\">0</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f"
                + " ms</text>%n",
            LABEL_WIDTH,
            axisY,
            LABEL_WIDTH + PLOT_WIDTH,
            axisY,
            maximum));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void bar(
      StringBuilder svg, int y, OptionalDouble millis, double maximum, String color) {
    if (millis.isEmpty()) {
      return;
    }
    double length = Math.max(1, millis.getAsDouble() / maximum * PLOT_WIDTH);
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%.1f"
                + " ms</title></rect>%n",
            LABEL_WIDTH,
            y,
            length,
            BAR_HEIGHT,
            color,
            millis.getAsDouble()));
  }

  private static void legend(StringBuilder svg, int x, int y, String color, String label) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\""
                + " y=\"%d\">%s</text>%n",
            x,
            y - 9,
            color,
            x + 14,
            y,
            label));
  }
}
