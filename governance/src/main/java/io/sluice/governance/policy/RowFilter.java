package io.sluice.governance.policy;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.securable.SecurableName;
import java.util.List;

/**
 * {@code ALTER TABLE table SET ROW FILTER function ON (arguments)}: a row is kept only where the
 * function returns TRUE. Arguments are column names or literals, in the function's parameter order.
 */
public record RowFilter(SecurableName table, SecurableName function, List<String> arguments) {
  public RowFilter {
    requireNonNull(table, "table is null");
    requireNonNull(function, "function is null");
    arguments = List.copyOf(arguments);
  }
}
