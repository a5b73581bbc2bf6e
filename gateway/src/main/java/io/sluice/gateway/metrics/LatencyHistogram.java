package io.sluice.gateway.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram of durations in seconds, with fixed bucket bounds; thread-safe. */
public final class LatencyHistogram {
  static final double[] BOUNDS_SECONDS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300
  };

  private final AtomicLongArray counts = new AtomicLongArray(BOUNDS_SECONDS.length + 1);
  private final LongAdder sumMillis = new LongAdder();

  public void observeMillis(long millis) {
    double seconds = millis / 1000.0;
    int bucket = 0;
    while (bucket < BOUNDS_SECONDS.length && seconds > BOUNDS_SECONDS[bucket]) {
      bucket++;
    }
    counts.incrementAndGet(bucket);
    sumMillis.add(millis);
  }

  /** Writes this histogram's samples, with {@code labels} on each. */
  void write(PrometheusText text, String name, Map<String, String> labels) {
    long cumulative = 0;
    for (int bucket = 0; bucket <= BOUNDS_SECONDS.length; bucket++) {
      cumulative += counts.get(bucket);
      Map<String, String> bucketLabels = new LinkedHashMap<>(labels);
      bucketLabels.put(
          "le",
          bucket < BOUNDS_SECONDS.length ? PrometheusText.number(BOUNDS_SECONDS[bucket]) : "+Inf");
      text.sample(name + "_bucket", bucketLabels, cumulative);
    }
    text.sample(name + "_sum", labels, sumMillis.sum() / 1000.0);
    text.sample(name + "_count", labels, cumulative);
  }
}
