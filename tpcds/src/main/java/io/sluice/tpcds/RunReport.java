package io.sluice.tpcds;

import java.util.List;
import java.util.OptionalDouble;

/** Every query's outcome, with totals and geometric means of the per-query medians. */
public record RunReport(double scale, int runs, boolean hasDirect, List<QueryOutcome> outcomes) {
  public RunReport {
    outcomes = List.copyOf(outcomes);
  }

  public boolean allPassed() {
    return outcomes.stream().allMatch(QueryOutcome::passed);
  }

  public List<QueryOutcome> failures() {
    return outcomes.stream().filter(outcome -> !outcome.passed()).toList();
  }

  /**
   * Sum of Sluice medians over the queries that ran on both sides (all when there is no direct).
   */
  public double sluiceTotalMillis() {
    return comparable().mapToDouble(outcome -> outcome.sluiceMillis().getAsDouble()).sum();
  }

  public double directTotalMillis() {
    return comparable().mapToDouble(outcome -> outcome.directMillis().getAsDouble()).sum();
  }

  public double sluiceGeometricMeanMillis() {
    return geometricMean(comparable().mapToDouble(outcome -> outcome.sluiceMillis().getAsDouble()));
  }

  public double directGeometricMeanMillis() {
    return geometricMean(comparable().mapToDouble(outcome -> outcome.directMillis().getAsDouble()));
  }

  /** Sluice total over direct total; below 1 means Sluice was faster. */
  public OptionalDouble totalRatio() {
    return hasDirect && directTotalMillis() > 0
        ? OptionalDouble.of(sluiceTotalMillis() / directTotalMillis())
        : OptionalDouble.empty();
  }

  private java.util.stream.Stream<QueryOutcome> comparable() {
    return outcomes.stream()
        .filter(outcome -> outcome.sluiceMillis().isPresent())
        .filter(outcome -> !hasDirect || outcome.directMillis().isPresent());
  }

  private static double geometricMean(java.util.stream.DoubleStream values) {
    double[] all = values.toArray();
    if (all.length == 0) {
      return 0;
    }
    double logSum = 0;
    for (double value : all) {
      logSum += Math.log(Math.max(value, 0.001));
    }
    return Math.exp(logSum / all.length);
  }
}
