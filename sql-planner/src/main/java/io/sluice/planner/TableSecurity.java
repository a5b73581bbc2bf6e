package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the person running a statement may see of one table: its columns in order, the expression
 * that stands in for each masked column, and the row filter (a row is kept only where it is TRUE).
 * Expressions are Spark SQL over the table's own columns, already inlined for that person.
 */
public record TableSecurity(
    List<String> columns, Map<String, String> columnMasks, Optional<String> rowFilter) {
  public static final TableSecurity NONE = new TableSecurity(List.of(), Map.of(), Optional.empty());

  public TableSecurity {
    columns = List.copyOf(columns);
    columnMasks = Map.copyOf(columnMasks);
    requireNonNull(rowFilter, "rowFilter is null");
    if (!columns.containsAll(columnMasks.keySet())) {
      throw new IllegalArgumentException("Masks name columns the table does not have");
    }
  }

  public boolean isEmpty() {
    return columnMasks.isEmpty() && rowFilter.isEmpty();
  }
}
