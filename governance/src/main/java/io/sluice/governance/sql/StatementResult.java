package io.sluice.governance.sql;

import java.util.List;

/**
 * What a governance statement answers: named string columns and their rows. Statements that change
 * something answer no columns.
 */
public record StatementResult(List<String> columns, List<List<String>> rows) {
  public static final StatementResult NONE = new StatementResult(List.of(), List.of());

  public StatementResult {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("Each row needs one value per column");
      }
    }
  }

  public boolean hasResultSet() {
    return !columns.isEmpty();
  }
}
