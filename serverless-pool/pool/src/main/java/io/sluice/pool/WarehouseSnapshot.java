package io.sluice.pool;

import static java.util.Objects.requireNonNull;

/**
 * A warehouse's live counts at one moment.
 *
 * @param engines engines running (Databricks' {@code num_clusters})
 * @param startingEngines engines being started
 * @param runningStatements statements holding a slot on an engine
 * @param queuedStatements statements waiting for a slot
 */
public record WarehouseSnapshot(
    WarehouseState state,
    int engines,
    int startingEngines,
    int runningStatements,
    int queuedStatements) {
  public WarehouseSnapshot {
    requireNonNull(state, "state is null");
  }
}
