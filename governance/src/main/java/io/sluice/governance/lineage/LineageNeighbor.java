package io.sluice.governance.lineage;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.securable.SecurableName;
import java.time.Instant;
import java.util.Optional;

/**
 * A table (and, for column lineage, a column of it) upstream or downstream of another, with when
 * lineage between them was last recorded. {@code column} is empty when the column is not known.
 */
public record LineageNeighbor(SecurableName table, Optional<String> column, Instant lastEventTime) {
  public LineageNeighbor {
    TableLineage.requireTable(table, "table");
    requireNonNull(column, "column is null");
    requireNonNull(lastEventTime, "lastEventTime is null");
  }
}
