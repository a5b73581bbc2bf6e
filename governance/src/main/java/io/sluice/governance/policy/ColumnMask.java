package io.sluice.governance.policy;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.securable.SecurableName;
import java.util.List;

/**
 * {@code ALTER TABLE table ALTER COLUMN column SET MASK function USING COLUMNS (others)}: the
 * column reads as {@code function(column, others...)}.
 */
public record ColumnMask(
    SecurableName table, String column, SecurableName function, List<String> usingColumns) {
  public ColumnMask {
    requireNonNull(table, "table is null");
    requireNonNull(column, "column is null");
    requireNonNull(function, "function is null");
    usingColumns = List.copyOf(usingColumns);
  }
}
