package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A column a statement names, with the table it belongs to when the text says so (a qualifier that
 * is a table's name or alias, or an unqualified column in a statement over one table). Without the
 * catalog's column lists an unqualified column in a join cannot be placed: its table is then empty
 * and the authorizer treats it as possibly any of the statement's tables.
 */
public record ColumnReference(Optional<ObjectName> table, String column) {
  public ColumnReference {
    requireNonNull(table, "table is null");
    requireNonNull(column, "column is null");
  }

  @Override
  public String toString() {
    return table.map(name -> name + ".").orElse("?.") + column;
  }
}
