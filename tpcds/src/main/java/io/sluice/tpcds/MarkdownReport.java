package io.sluice.tpcds;

import java.util.Locale;
import java.util.OptionalDouble;

/** The run as a Markdown page: a summary, then one table row per query. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(RunReport report, String chartFileName) {
    StringBuilder page = new StringBuilder();
    page.append("# Sluice TPC-DS run\n\n");
    page.append(
        String.format(
            Locale.ROOT,
            "Scale factor %s, %d run%s per query, per-query medians. Data and queries derived"
                + " from TPC-DS; these are not TPC-DS results.%n%n",
            TpcdsLoader.scaleText(report.scale()),
            report.runs(),
            report.runs() == 1 ? "" : "s"));
    page.append("| | Sluice | Spark direct | ratio |\n|---|---:|---:|---:|\n");
    page.append(
        summaryRow(
            "Total (ms)",
            report.sluiceTotalMillis(),
            report.directTotalMillis(),
            report.hasDirect()));
    page.append(
        summaryRow(
            "Geometric mean (ms)",
            report.sluiceGeometricMeanMillis(),
            report.directGeometricMeanMillis(),
            report.hasDirect()));
    page.append(
        String.format(
            Locale.ROOT,
            "%nQueries passed: %d of %d.%n%n",
            report.outcomes().size() - report.failures().size(),
            report.outcomes().size()));
    page.append("![Per-query times](").append(chartFileName).append(")\n\n");
    page.append("| Query | Rows | Sluice (ms) | Spark direct (ms) | Ratio | Result |\n");
    page.append("|---|---:|---:|---:|---:|---|\n");
    for (QueryOutcome outcome : report.outcomes()) {
      page.append("| ")
          .append(outcome.name())
          .append(" | ")
          .append(outcome.rows())
          .append(" | ")
          .append(millis(outcome.sluiceMillis()))
          .append(" | ")
          .append(millis(outcome.directMillis()))
          .append(" | ")
          .append(ratio(outcome.sluiceMillis(), outcome.directMillis()))
          .append(" | ")
          .append(outcome.passed() ? "same answer" : escape(outcome.problem()))
          .append(" |\n");
    }
    return page.toString();
  }

  private static String summaryRow(String label, double sluice, double direct, boolean hasDirect) {
    return String.format(
        Locale.ROOT,
        "| %s | %.1f | %s | %s |%n",
        label,
        sluice,
        hasDirect ? String.format(Locale.ROOT, "%.1f", direct) : "-",
        hasDirect && direct > 0 ? String.format(Locale.ROOT, "%.3f", sluice / direct) : "-");
  }

  private static String millis(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "-";
  }

  private static String ratio(OptionalDouble sluice, OptionalDouble direct) {
    return sluice.isPresent() && direct.isPresent() && direct.getAsDouble() > 0
        ? String.format(Locale.ROOT, "%.3f", sluice.getAsDouble() / direct.getAsDouble())
        : "-";
  }

  private static String escape(String text) {
    String line = text.replace('\n', ' ').replace("|", "\\|");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
