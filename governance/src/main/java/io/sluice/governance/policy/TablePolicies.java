package io.sluice.governance.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** The row filter (at most one) and the column masks (at most one per column) of one table. */
public record TablePolicies(Optional<RowFilter> rowFilter, List<ColumnMask> columnMasks) {
  public static final TablePolicies NONE = new TablePolicies(Optional.empty(), List.of());

  public TablePolicies {
    requireNonNull(rowFilter, "rowFilter is null");
    columnMasks = List.copyOf(columnMasks);
  }

  public boolean isEmpty() {
    return rowFilter.isEmpty() && columnMasks.isEmpty();
  }
}
