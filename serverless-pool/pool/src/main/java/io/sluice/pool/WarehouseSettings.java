package io.sluice.pool;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a serverless warehouse schedules statements over its engines.
 *
 * @param minEngines engines kept while the warehouse runs (Databricks' {@code min_num_clusters})
 * @param maxEngines the most engines it adds when statements queue ({@code max_num_clusters})
 * @param slotsPerEngine statements one engine runs at once; more wait in the queue
 * @param queueLimit statements that may wait; beyond it a statement is refused at once
 * @param autoStop with no statement running or waiting for this long the warehouse stops all its
 *     engines; zero never stops it
 * @param scaleInIdle an engine beyond {@code minEngines} idle for this long is removed
 * @param enginePerUser each user's statements run only on engines started for that user
 */
public record WarehouseSettings(
    int minEngines,
    int maxEngines,
    int slotsPerEngine,
    int queueLimit,
    Duration autoStop,
    Duration scaleInIdle,
    boolean enginePerUser) {
  public static final int DEFAULT_SLOTS_PER_ENGINE = 10;
  public static final int DEFAULT_QUEUE_LIMIT = 1000;
  public static final Duration DEFAULT_SCALE_IN_IDLE = Duration.ofMinutes(2);

  public WarehouseSettings {
    requireNonNull(autoStop, "autoStop is null");
    requireNonNull(scaleInIdle, "scaleInIdle is null");
    if (minEngines < 1 || maxEngines < minEngines) {
      throw new IllegalArgumentException(
          "Need 1 <= minEngines <= maxEngines, got " + minEngines + " and " + maxEngines);
    }
    if (slotsPerEngine < 1 || queueLimit < 0) {
      throw new IllegalArgumentException(
          "slotsPerEngine must be positive, queueLimit not negative");
    }
    if (autoStop.isNegative() || scaleInIdle.isNegative()) {
      throw new IllegalArgumentException("Durations must not be negative");
    }
  }

  /** One engine, ten statements on it, a thousand waiting; stopped after {@code autoStop}. */
  public static WarehouseSettings singleEngine(Duration autoStop) {
    return new WarehouseSettings(
        1,
        1,
        DEFAULT_SLOTS_PER_ENGINE,
        DEFAULT_QUEUE_LIMIT,
        autoStop,
        DEFAULT_SCALE_IN_IDLE,
        false);
  }
}
