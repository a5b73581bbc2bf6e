package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * One column a statement writes into its target from its query, at the query's output position: the
 * target column's name when the text gives it (an insert's column list, a view's column list, an
 * alias, a column selected as is), and the catalog tables' columns its value is computed from. A
 * column without a name is the target's column at the same position.
 */
public record ColumnFlow(Optional<String> targetColumn, Set<ColumnReference> sources) {
  public ColumnFlow {
    requireNonNull(targetColumn, "targetColumn is null");
    sources = Set.copyOf(requireNonNull(sources, "sources is null"));
    if (sources.stream().anyMatch(source -> source.table().isEmpty())) {
      throw new IllegalArgumentException("every source column is placed on a table: " + sources);
    }
  }
}
